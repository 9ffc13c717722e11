// The sandbox's stand-in for Spectrum's `vm-import <prefix> <dir> [<storage>]` (host/rootfs
// usr/bin/vm-import and create-vm-dependencies), doing to the file system what they do: an id
// folder under /run/vm/by-id, /run/vsock/<id>, the by-name, config and service links (`ln -s`,
// which fails on a name that exists), the /run/fs and /run/doc folders, and, with a storage
// folder, `mkdir -p <storage>/<name>` as uid 1000 in a user namespace where host root is not
// mapped, so a storage folder that root owns fails as it does on Spectrum. Users, mounts and the
// VMM service are not made: there is no VM to run here.
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Executor } from '../exec/executor';
import { FS_OWNER } from '../fs/owned';
import { VM_BY_ID_DIR, VM_BY_NAME_DIR, VSOCK_DIR, onHost } from '../spectrum/host-paths';

export class StandInFailure extends Error {}

async function mkdirAsFs(exec: Executor, parent: string, name: string, privileged: boolean): Promise<void> {
  // The sandbox folder is root's (0700), which uid 1000 cannot enter: change into the storage
  // folder as root, then become uid 1000 (what nsenter -S0 into the VM's namespace does on a host).
  const asFs = privileged
    ? [
        'setpriv',
        `--reuid=${FS_OWNER.uid}`,
        `--regid=${FS_OWNER.gid}`,
        '--clear-groups',
        '--',
        'unshare',
        '--user',
        '--map-root-user',
        'mkdir',
        '-p',
        '--',
        name,
      ]
    : ['mkdir', '-p', '--', name];
  const r = await exec.run({ command: 'sh', args: ['-c', 'cd -- "$1" && shift && exec "$@"', 'vm-import', parent, ...asFs] });
  if (r.exitCode !== 0) throw new StandInFailure(`mkdir ${path.join(parent, name)}: ${r.stderr.trim()}`);
}

export async function standInVmImport(
  root: string,
  prefix: string,
  dir: string,
  storage: string | undefined,
  exec: Executor,
  privileged: boolean,
): Promise<void> {
  const at = (hostPath: string) => onHost(root, hostPath);
  for (const name of readdirSync(dir).sort()) {
    const byId = mkdtempSync(at(VM_BY_ID_DIR) + path.sep);
    const id = path.basename(byId);
    try {
      mkdirSync(at(path.posix.join(VSOCK_DIR, id)));
      symlinkSync(byId, at(path.posix.join(VM_BY_NAME_DIR, `${prefix}.${name}`)));
      symlinkSync(path.join(dir, name), path.join(byId, 'config'));
      symlinkSync(at(`/run/service/vmm/instance/${id}`), path.join(byId, 'service'));
      for (const d of [
        `/run/doc/${id}/doc`,
        `/run/fs/${id}/config`,
        `/run/fs/${id}/disk`,
        `/run/fs/${id}/doc`,
        `${VM_BY_ID_DIR}/${id}/ns`,
      ]) {
        mkdirSync(at(d), { recursive: true });
      }
    } catch (e) {
      throw new StandInFailure(`ln: ${(e as Error).message}`);
    }
    if (storage !== undefined) await mkdirAsFs(exec, storage, name, privileged);
  }
}
