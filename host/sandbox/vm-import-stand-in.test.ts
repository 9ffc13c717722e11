// The vm-import stand-in behaves as upstream's vm-import where the sandbox relies on it: a second
// import of a name fails on the existing link, and the storage folder is made as uid 1000 in a
// user namespace where host root is not mapped, so a root-owned storage folder is refused.
import { chownSync, lstatSync, mkdirSync, readlinkSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessExecutor } from '../exec/executor';
import { makeTempDir, removeTempDir } from '../test-support/sandbox-helper';
import { prepareHostRoot } from './host-root';
import { sandboxPrivileged } from './privileges';
import { StandInFailure, standInVmImport } from './vm-import-stand-in';

const exec = new ProcessExecutor();
const privileged = sandboxPrivileged();

describe('the vm-import stand-in', () => {
  let dir = '';
  afterEach(() => removeTempDir(dir));

  function setUp(): { root: string; vms: string; storage: string } {
    dir = makeTempDir();
    const root = path.join(dir, 'root');
    mkdirSync(root);
    prepareHostRoot(root, []);
    const vms = path.join(dir, 'defs');
    mkdirSync(path.join(vms, 'app'), { recursive: true });
    const storage = path.join(dir, 'storage');
    mkdirSync(storage);
    return { root, vms, storage };
  }

  it('registers by name and id, linking config to the VM folder', async () => {
    const { root, vms } = setUp();
    await standInVmImport(root, 'user', vms, undefined, exec, privileged);
    const byName = path.join(root, 'run', 'vm', 'by-name', 'user.app');
    const byId = readlinkSync(byName);
    expect(path.dirname(byId)).toBe(path.join(root, 'run', 'vm', 'by-id'));
    expect(readlinkSync(path.join(byId, 'config'))).toBe(path.join(vms, 'app'));
    expect(lstatSync(path.join(root, 'run', 'vsock', path.basename(byId))).isDirectory()).toBe(true);
  });

  it('fails on a name that is registered already, like ln -s', async () => {
    const { root, vms } = setUp();
    await standInVmImport(root, 'user', vms, undefined, exec, privileged);
    await expect(standInVmImport(root, 'user', vms, undefined, exec, privileged)).rejects.toThrow(StandInFailure);
    expect(readdirSync(path.join(root, 'run', 'vm', 'by-name'))).toEqual(['user.app']);
  });

  it.skipIf(!privileged)('makes the storage folder as uid 1000 when fs owns the storage root', async () => {
    const { root, vms, storage } = setUp();
    chownSync(storage, 1000, 1000);
    await standInVmImport(root, 'user', vms, storage, exec, privileged);
    expect(lstatSync(path.join(storage, 'app')).uid).toBe(1000);
  });

  it.skipIf(!privileged)('fails with EACCES where root owns the storage root, as vm-import does on Spectrum', async () => {
    const { root, vms, storage } = setUp();
    await expect(standInVmImport(root, 'user', vms, storage, exec, privileged)).rejects.toThrow(/Permission denied/);
  });
});
