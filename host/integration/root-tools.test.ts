// The root tools the helper runs (docs/protocol.md §6 "Application", "Root tools"): found only
// in the helper's tool path, never through the PATH it inherited, and never outliving it, even
// when it is killed with SIGKILL in the middle of a command.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TOOL_PATH } from '../exec/tool-path';
import { builtHelper } from '../test-support/built-helper';
import { HelperClient } from '../test-support/helper-client';
import { makeTempDir } from '../test-support/sandbox-helper';
import { processGone } from '../test-support/processes';

let HELPER = '';
const started: ChildProcess[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const dir = makeTempDir('spectrum-tools-');
  dirs.push(dir);
  return dir;
}

/** An executable shell script `name` in `dir`. */
function standIn(dir: string, name: string, body: string): void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

async function startBuilt(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ child: ChildProcess; socket: string }> {
  const child = spawn(process.execPath, [HELPER, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  started.push(child);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`helper exited (${code}) before ready: ${stderr}`)));
  });
  return { child, socket: (JSON.parse(line) as { socket: string }).socket };
}

beforeAll(() => {
  HELPER = builtHelper();
});
afterEach(() => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('root tools', () => {
  it('are not looked up in the PATH the helper inherits', async () => {
    const dir = tempDir();
    const planted = path.join(dir, 'planted');
    const mark = path.join(dir, 'planted-blkid-ran');
    standIn(planted, 'blkid', `touch '${mark}'\nexit 2`);
    const { child, socket } = await startBuilt(['--sandbox', path.join(dir, 'sb'), '--fast-kdf'], {
      ...process.env,
      PATH: `${planted}:${process.env.PATH ?? ''}`,
    });
    const { client, hello } = await HelperClient.open(socket);
    client.close();
    child.kill('SIGTERM');
    expect(hello.state).toEqual({ phase: 'fresh' });
    expect(existsSync(mark)).toBe(false);
  });

  it('die with the helper when it is killed with SIGKILL while one runs', async () => {
    const dir = tempDir();
    const tools = path.join(dir, 'tools');
    const pidFile = path.join(dir, 'blkid.pid');
    // The stand-in for blkid records its pid, then becomes a long sleep (same pid).
    standIn(tools, 'blkid', `echo $$ > '${pidFile}.tmp' && mv '${pidFile}.tmp' '${pidFile}'\nexec sleep 600`);
    const { child, socket } = await startBuilt([
      '--sandbox',
      path.join(dir, 'sb'),
      '--fast-kdf',
      '--tool-path',
      [tools, ...DEFAULT_TOOL_PATH].join(':'),
    ]);
    // `hello` probes the target, which runs blkid.
    const client = await HelperClient.connect(socket);
    const pid = await waitForPid(pidFile);
    try {
      expect(await processGone(pid, 0)).toBe(false); // it runs
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      expect(await processGone(pid, 20_000)).toBe(true);
    } finally {
      client.close();
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone, as it should be
      }
    }
  });
});

async function waitForPid(file: string): Promise<number> {
  for (let i = 0; i < 600; i++) {
    if (existsSync(file)) return Number(readFileSync(file, 'utf8').trim());
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the stand-in never started (${file})`);
}
