// The helper ships as one file: dist/host/helper.mjs copied alone into a folder with no
// node_modules above it starts, answers hello and applies a whole plan (verification, HPKE,
// LUKS, VM definitions, receipt): nothing it needs is left outside the bundle.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseSandbox } from '../sandbox/release';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { builtHelper } from '../test-support/built-helper';
import { HelperClient } from '../test-support/helper-client';
import { loadSigner, makePlan } from '../test-support/plan-maker';

/** Folders from `dir` up to the root that hold a node_modules. */
function nodeModulesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'node_modules'))) found.push(d);
    if (path.dirname(d) === d) return found;
  }
}

describe('the helper as one file', () => {
  let dir = '';
  let child: ChildProcess | null = null;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'helper-alone-'));
    copyFileSync(builtHelper(), path.join(dir, 'helper.mjs'));
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    // The sandbox's user data is a loop mount (as root): released before its folder goes.
    releaseSandbox(path.join(dir, 'sandbox'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs from a folder with nothing but itself, and applies a plan', async () => {
    expect(readdirSync(dir)).toEqual(['helper.mjs']);
    expect(nodeModulesAbove(dir), 'no node_modules for Node to find').toEqual([]);
    const sandbox = path.join(dir, 'sandbox');
    child = spawn(process.execPath, [path.join(dir, 'helper.mjs'), '--sandbox', sandbox, '--fast-kdf'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const ready = await new Promise<{ socket: string; signingKey: string }>((resolve, reject) => {
      createInterface({ input: child!.stdout! }).once('line', (line) =>
        resolve(JSON.parse(line) as { socket: string; signingKey: string }),
      );
      child!.once('exit', (code) => reject(new Error(`the helper exited (${code}): ${stderr}`)));
    });
    const { hello, client } = await HelperClient.open(ready.socket);
    const plan = await makePlan({
      hello,
      signer: loadSigner(ready.signingKey),
      secrets: { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) },
    });
    client.send(plan.frame);
    expect((await client.untilEnd()).at(-1)).toMatchObject({ type: 'result', ok: true, planId: plan.planId });
    client.close();
    expect(stderr).toBe('');
  }, 60_000);
});
