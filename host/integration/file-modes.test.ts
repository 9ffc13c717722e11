// Whatever umask the helper is started with, everything it creates has the mode it means: the
// sandbox and its private files 0700/0600, the socket 0600 from the first instant, the receipt
// 0600 in a 0700 folder, and the volume's shared configuration and VM folders 0755/0644
// (Spectrum's services read those). Nothing is writable by group or others.
import { releaseSandbox } from '../sandbox/release';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { builtHelper } from '../test-support/built-helper';
import { HelperClient } from '../test-support/helper-client';
import { loadSigner, makePlan } from '../test-support/plan-maker';
import { makeTempDir } from '../test-support/sandbox-helper';

const SECRETS = { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };

/** Every entry under `dir` but symbolic links (whose own mode means nothing), with its mode. */
function modesUnder(dir: string, base = dir): Map<string, { mode: number; dir: boolean }> {
  const out = new Map<string, { mode: number; dir: boolean }>();
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = lstatSync(full);
    if (st.isSymbolicLink()) continue;
    out.set(path.relative(base, full), { mode: st.mode & 0o7777, dir: st.isDirectory() });
    if (st.isDirectory()) for (const [k, v] of modesUnder(full, base)) out.set(k, v);
  }
  return out;
}

/** The mode each thing the helper makes in a sandbox should have. */
function intended(rel: string, isDir: boolean): number {
  const parts = rel.split(path.sep);
  if (parts[0] !== 'root') return isDir ? 0o700 : 0o600; // the sandbox's own files: private
  const inVolume = parts[1] === 'media' && parts.length > 2 ? parts.slice(3) : null;
  if (inVolume && inVolume[0] === 'Spectrum' && inVolume[1] === 'firstboot') return isDir ? 0o700 : 0o600;
  if (isDir) return 0o755;
  return inVolume?.at(-1) === 'run' && inVolume.at(-2) === 'fs' ? 0o755 : 0o644;
}

describe('file modes', () => {
  let dir = '';
  let child: ChildProcess | null = null;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = null;
    if (dir) releaseSandbox(path.join(dir, 'sandbox')); // a killed helper leaves its loop mount
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['000', '077'])("are the intended ones with the caller's umask %s", async (umask) => {
    dir = makeTempDir();
    const sandbox = path.join(dir, 'sandbox');
    child = spawn('sh', ['-c', `umask ${umask}; exec "$@"`, 'sh', process.execPath, builtHelper(), '--sandbox', sandbox, '--fast-kdf'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const ready = await new Promise<{ socket: string; signingKey: string }>((resolve, reject) => {
      createInterface({ input: child!.stdout! }).once('line', (line) =>
        resolve(JSON.parse(line) as { socket: string; signingKey: string }),
      );
      child!.once('exit', (code) => reject(new Error(`helper exited (${code})`)));
    });
    expect(lstatSync(ready.socket).mode & 0o777).toBe(0o600);

    const { client, hello } = await HelperClient.open(ready.socket);
    client.send((await makePlan({ hello, signer: loadSigner(ready.signingKey), secrets: SECRETS })).frame);
    expect((await client.untilEnd()).at(-1)).toMatchObject({ type: 'result', ok: true });
    client.close();

    // root/usr, root/run and root/sys are stand-ins of the host image, its per-boot state and sysfs;
    // storage/<app> is made by (the stand-in of) vm-import: none of them are the helper's writes.
    const modes = new Map(
      [...modesUnder(sandbox)].filter(
        ([rel]) => !/^root\/(usr|run|sys)(\/|$)/.test(rel) && !/\/Spectrum\/data\/spectrum\/storage\//.test(rel),
      ),
    );
    expect(lstatSync(sandbox).mode & 0o777).toBe(0o700);
    const wrong = [...modes]
      .filter(([rel, m]) => m.mode !== intended(rel, m.dir))
      .map(([rel, m]) => `${rel} ${m.mode.toString(8)} (meant ${intended(rel, m.dir).toString(8)})`);
    expect(wrong).toEqual([]);
    // The things this test is about are all there.
    const rels = [...modes.keys()];
    for (const must of [
      'vsock_5219',
      'userdata.img',
      'helper.log',
      path.join('state', 'journal.json'),
      path.join('guest', 'signing-key.pem'),
    ])
      expect(rels).toContain(must);
    expect(rels.some((r) => r.endsWith(path.join('Spectrum', 'firstboot', 'receipt.json')))).toBe(true);
    expect(rels.some((r) => r.endsWith(path.join('Spectrum', 'config', 'vconsole.conf')))).toBe(true);
    expect(rels.some((r) => r.endsWith(path.join('fs', 'run')))).toBe(true);
  });
});
