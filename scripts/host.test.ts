// `npm run host -- --sandbox DIR`, exactly as the README gives it: a real npm, a real helper
// process, a real Unix socket that answers `hello`, and a clean stop on Ctrl-C (SIGINT to the
// process group, as a terminal sends it: npm, its shell and the helper all receive it).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { HelperClient } from '../host/test-support/helper-client';

const ROOT = path.resolve(__dirname, '..');

/** Waits for `condition`, polling; the limit only bounds a helper that never stops. */
async function until(condition: () => boolean, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the helper did not stop');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm run host', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spectrum-npm-host-'));
  let group = 0;
  afterAll(() => {
    try {
      if (group) process.kill(-group, 'SIGKILL'); // only if something of ours is still running
    } catch {
      // the whole group has ended, as it should
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the sandbox helper, which answers hello, and stops cleanly on Ctrl-C', async () => {
    const sandbox = path.join(dir, 'sandbox');
    const npm = spawn('npm', ['run', 'host', '--', '--sandbox', sandbox], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    group = npm.pid!;
    let stderr = '';
    npm.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    try {
      // npm prints its own banner first; the helper's ready line is the one JSON line.
      const ready = await new Promise<{ event: string; socket: string; sandbox: string }>((resolve, reject) => {
        createInterface({ input: npm.stdout! }).on('line', (line) => {
          if (line.startsWith('{')) resolve(JSON.parse(line) as { event: string; socket: string; sandbox: string });
        });
        npm.once('exit', (code) => reject(new Error(`npm run host exited (${code}) before ready: ${stderr}`)));
      });
      expect(ready).toMatchObject({ event: 'ready', socket: path.join(sandbox, 'vsock_5219'), sandbox });

      const { client, hello } = await HelperClient.open(ready.socket);
      expect(hello).toMatchObject({ type: 'hello', protocol: 1, state: { phase: 'fresh' } });
      client.close();
    } finally {
      process.kill(-group, 'SIGINT');
    }
    await exited;
    await until(() => readFileSync(path.join(sandbox, 'helper.log'), 'utf8').includes('"event":"stopped"'));
    expect(existsSync(path.join(sandbox, 'vsock_5219'))).toBe(false);
  });
});
