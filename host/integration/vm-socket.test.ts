// `--vm NAME` serves the VM vm-import registered as NAME: the helper listens where
// cloud-hypervisor connects for the guest's port 5219 (/run/vsock/<id>/vsock_5219), and the socket
// belongs to `vmm-<id>`, the user cloud-hypervisor runs as: that user can connect, others cannot.
// The host's /run and /etc are stood in for under --root. Needs root (to own and switch users).
import { spawn } from 'node:child_process';
import { mkdirSync, statSync, symlinkSync, truncateSync, writeFileSync, closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHelper, type RunningHelper } from '../helper';
import { makeTempDir, removeTempDir } from '../test-support/sandbox-helper';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) console.warn('vm-socket: skipped, it needs root to give the socket to another user');

const ID = 'Fb7kQz';
const VMM_UID = 41_234;
const OTHER_UID = 41_235;

/** Connects as `uid` from inside the socket's folder (the test folder itself is root's 0700). */
function connectAs(uid: number, socketPath: string): Promise<string> {
  const script =
    "const s=require('node:net').connect(process.argv[1]);s.once('data',d=>{console.log('hello:'+(d.length>4));s.destroy()});s.once('error',e=>console.log(e.code))";
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script, path.basename(socketPath)], {
      cwd: path.dirname(socketPath),
      uid,
      gid: uid,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', () => resolve(out.trim()));
  });
}

describe.skipIf(!isRoot)('--vm NAME', () => {
  const dir = makeTempDir();
  const root = path.join(dir, 'root');
  let helper: RunningHelper;

  beforeAll(async () => {
    mkdirSync(path.join(root, 'run', 'vm', 'by-id', ID), { recursive: true });
    mkdirSync(path.join(root, 'run', 'vm', 'by-name'), { recursive: true });
    mkdirSync(path.join(root, 'run', 'vsock', ID), { recursive: true, mode: 0o755 });
    symlinkSync(path.join('/run/vm/by-id', ID), path.join(root, 'run', 'vm', 'by-name', 'sys.firstboot'));
    mkdirSync(path.join(root, 'etc'));
    writeFileSync(
      path.join(root, 'etc', 'passwd'),
      `root:x:0:0::/:/bin/sh\nfs:x:1000:1000::/:/bin/nologin\nvmm-${ID}:x:${VMM_UID}:${VMM_UID}::/:/bin/nologin\n`,
    );
    writeFileSync(path.join(root, 'etc', 'group'), `root:x:0:\nfs:x:1000:\nvmm-${ID}:x:${VMM_UID}:\n`);
    const target = path.join(dir, 'target.img');
    closeSync(openSync(target, 'w'));
    truncateSync(target, 4 * 1024 ** 3);
    helper = await startHelper({
      vm: 'sys.firstboot',
      root,
      target,
      stateDir: path.join(dir, 'state'),
      keyOut: path.join(dir, 'key'),
      logSink: { write: () => undefined, close: () => undefined },
    });
  });
  afterAll(async () => {
    await helper?.close();
    removeTempDir(dir);
  });

  it('listens at /run/vsock/<id>/vsock_5219 of the VM of that name', () => {
    expect(helper.socketPath).toBe(path.join(root, 'run', 'vsock', ID, 'vsock_5219'));
  });

  it('gives the socket to vmm-<id>, mode 0600', () => {
    const st = statSync(helper.socketPath);
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([VMM_UID, VMM_UID, 0o600]);
  });

  it('lets vmm-<id> connect and be greeted, and refuses another user', async () => {
    expect(await connectAs(VMM_UID, helper.socketPath)).toBe('hello:true');
    expect(await connectAs(OTHER_UID, helper.socketPath)).toBe('EACCES');
  });

  it('refuses to start for a VM that is not registered', async () => {
    await expect(
      startHelper({
        vm: 'sys.nothing',
        root,
        target: path.join(dir, 'target.img'),
        stateDir: path.join(dir, 'state2'),
        keyOut: path.join(dir, 'key2'),
      }),
    ).rejects.toThrow(/no VM named sys.nothing/);
  });
});
