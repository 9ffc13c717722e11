// The built command line (dist/host/helper.mjs) as the rest of the team runs it: argument errors,
// the ready line, file modes, clean stop, and a SIGKILL in the middle of applying a plan.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { HelperClient } from '../test-support/helper-client';
import { loadSigner, makePlan, newInstallId } from '../test-support/plan-maker';
import { makeTempDir, removeTempDir } from '../test-support/sandbox-helper';
import { builtHelper } from '../test-support/built-helper';

let HELPER = '';
const SECRETS = { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };

interface Ready {
  event: string;
  socket: string;
  signingKey: string;
  sandbox?: string;
}

function runHelper(args: string[]): { child: ChildProcess; ready: Promise<Ready>; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [HELPER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<Ready>((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line) as Ready));
    child.once('exit', (code) => reject(new Error(`helper exited (${code}) before ready: ${err}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, stderr: () => err, exit };
}

function badArgs(args: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, [HELPER, ...args], { encoding: 'utf8', timeout: 10_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

beforeAll(() => {
  HELPER = builtHelper();
});

describe('arguments', () => {
  it.each([
    [['--bogus'], /unknown option --bogus/],
    [['--fast-kdf'], /--fast-kdf is a sandbox-only switch/],
    [
      ['--listen', '/tmp/x_5219', '--target', '/dev/null', '--state-dir', '/tmp/s', '--key-out', '/tmp/k', '--fail-step', 'receipt:1'],
      /--fail-step is a sandbox-only switch/,
    ],
    [
      ['--listen', '/tmp/x_5219', '--target', '/dev/null', '--state-dir', '/tmp/s', '--key-out', '/tmp/k', '--slow-step', 'receipt:100'],
      /--slow-step is a sandbox-only switch/,
    ],
    [['--sandbox', '/tmp/x', '--fail-step', 'nope:1'], /--fail-step needs a step from userdata-format, .*not "nope:1"/],
    [['--sandbox', '/tmp/x', '--fail-step', 'receipt'], /--fail-step needs STEP:N, not "receipt"/],
    [['--sandbox', '/tmp/x', '--userdata-bytes', '12'], /--userdata-bytes must be/],
    [['--sandbox', '/tmp/x', '--idle-timeout-ms', 'soon'], /--idle-timeout-ms needs a whole number of at least 0, not "soon"/],
    [['--sandbox'], /--sandbox needs a value/],
    [['--sandbox', '/tmp/x', '--target', '/dev/sda'], /cannot be combined with --sandbox/],
    [['--listen', '/tmp/x'], /missing --target, --state-dir, --key-out/],
    [['--listen', '/tmp/x', '--target', '/dev/null', '--state-dir', '/tmp/s', '--key-out', '/tmp/k'], /ending in _5219/],
    [[], /missing --listen/],
  ])('%j is refused with one line and exit code 2', (args, message) => {
    const r = badArgs(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message as RegExp);
  });
});

describe('sandbox mode', () => {
  const dir = makeTempDir();
  afterAll(() => removeTempDir(dir));

  it('prints one ready line, makes the sandbox with private modes, and stops cleanly on SIGTERM', async () => {
    const h = runHelper(['--sandbox', dir, '--fast-kdf']);
    const ready = await h.ready;
    expect(ready).toEqual({
      event: 'ready',
      socket: path.join(dir, 'vsock_5219'),
      signingKey: path.join(dir, 'guest', 'signing-key.pem'),
      sandbox: dir,
    });
    expect(statSync(ready.socket).mode & 0o777).toBe(0o600);
    expect(statSync(ready.signingKey).mode & 0o777).toBe(0o600);
    expect(readFileSync(ready.signingKey, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const image = statSync(path.join(dir, 'userdata.img'));
    expect(image.size).toBe(64 * 1024 ** 3);
    expect(image.blocks * 512).toBeLessThan(1024 * 1024); // sparse
    const { hello, client } = await HelperClient.open(ready.socket);
    expect(hello.machine.userDataBytes).toBe(64 * 1024 ** 3);
    client.close();
    h.child.kill('SIGTERM');
    expect(await h.exit).toBe(0);
    expect(() => statSync(ready.socket)).toThrow();
    expect(readFileSync(path.join(dir, 'helper.log'), 'utf8')).toMatch(/"event":"listening"/);
  });

  it('survives a SIGKILL mid-apply: restarted, it reports the plan failed (interrupted), never half-provisioned', async () => {
    const first = runHelper(['--sandbox', dir, '--fast-kdf', '--slow-step', 'vm-definitions:20000']);
    const ready = await first.ready;
    const keyBefore = readFileSync(ready.signingKey, 'utf8');
    const installId = newInstallId();
    const a = await HelperClient.open(ready.socket);
    const plan = await makePlan({ hello: a.hello, signer: loadSigner(ready.signingKey), secrets: SECRETS, installId });
    a.client.send(plan.frame);
    for (;;) {
      const f = await a.client.next();
      if (f.type === 'progress' && f.step === 'vm-definitions' && f.state === 'running') break;
    }
    first.child.kill('SIGKILL');
    await first.exit;

    const second = runHelper(['--sandbox', dir, '--fast-kdf']);
    const ready2 = await second.ready;
    expect(readFileSync(ready2.signingKey, 'utf8')).toBe(keyBefore); // the same key after a restart
    const b = await HelperClient.open(ready2.socket);
    expect(b.hello.state).toMatchObject({ phase: 'failed', planId: plan.planId });
    const steps = 'steps' in b.hello.state ? b.hello.state.steps : [];
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'done', 'failed', 'pending', 'pending', 'pending']);
    b.client.send({ type: 'attach', planId: plan.planId });
    expect(await b.client.next()).toMatchObject({ type: 'accepted' });
    expect(await b.client.next()).toMatchObject({
      type: 'result',
      ok: false,
      step: 'vm-definitions',
      code: 'interrupted',
      retryable: false,
    });
    b.client.send({ type: 'retry', planId: plan.planId });
    expect(await b.client.next()).toMatchObject({ type: 'error', code: 'unknown-plan' }); // its secrets died with the process
    const token = JSON.parse(
      spawnSync('cryptsetup', ['luksDump', '--dump-json-metadata', path.join(dir, 'userdata.img')], { encoding: 'utf8' }).stdout,
    ) as { tokens: Record<string, { type: string; completedAt?: string }> };
    expect(Object.values(token.tokens).find((t) => t.type === 'spectrum-firstboot')?.completedAt).toBeUndefined();
    b.client.close();

    // The same installation sends a new plan: the interrupted attempt is formatted again and completed.
    const c = await HelperClient.open(ready2.socket);
    const again = await makePlan({ hello: c.hello, signer: loadSigner(ready2.signingKey), secrets: SECRETS, installId });
    c.client.send(again.frame);
    expect((await c.client.untilEnd()).at(-1)).toMatchObject({ type: 'result', ok: true, planId: again.planId });
    c.client.close();
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  });
});

describe('production mode', () => {
  it('listens on the given path with mode 0600, writes the signing key, and keeps it across a restart of the same boot', async () => {
    const dir = makeTempDir();
    try {
      const target = path.join(dir, 'disk.img');
      spawnSync('truncate', ['-s', '4G', target]);
      const args = [
        '--listen',
        path.join(dir, 'vm_vsock_5219'),
        '--target',
        target,
        '--state-dir',
        path.join(dir, 'state'),
        '--key-out',
        path.join(dir, 'config'),
      ];
      const h = runHelper(args);
      const ready = await h.ready;
      expect(ready).toEqual({
        event: 'ready',
        socket: path.join(dir, 'vm_vsock_5219'),
        signingKey: path.join(dir, 'config', 'signing-key.pem'),
      });
      expect(statSync(ready.socket).mode & 0o777).toBe(0o600);
      expect(statSync(ready.signingKey).mode & 0o777).toBe(0o600);
      const firstKey = readFileSync(ready.signingKey, 'utf8');
      const { hello, client } = await HelperClient.open(ready.socket);
      expect(hello.machine.userDataBytes).toBe(4 * 1024 ** 3);
      client.close();
      h.child.kill('SIGTERM');
      expect(await h.exit).toBe(0);
      expect(h.stderr()).toMatch(/"event":"listening"/); // production logs go to stderr
      const again = runHelper(args);
      expect(readFileSync((await again.ready).signingKey, 'utf8')).toBe(firstKey);
      again.child.kill('SIGTERM');
      await again.exit;
      rmSync(ready.signingKey); // a new boot: the tmpfs is empty again
      const nextBoot = runHelper(args);
      expect(readFileSync((await nextBoot.ready).signingKey, 'utf8')).not.toBe(firstKey);
      nextBoot.child.kill('SIGTERM');
      await nextBoot.exit;
    } finally {
      removeTempDir(dir);
    }
  });
});
