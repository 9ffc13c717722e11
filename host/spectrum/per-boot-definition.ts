// The startable definition of a user VM, built under /run at every boot (ADR 070), the way
// upstream's run-flatpak builds /run/configs/<id>: kernel and disks link to the app VM image on the
// host's read-only root, `fs` and `providers` to the VM's folder on user data. Links under /run
// are followed (only /media is nosymfollow), and /run and /usr are what cloud-hypervisor's
// sandbox can see. vm-import takes a parent folder, so each VM gets its own:
// /run/user-vms/<app>/<app>/.
import { lstatSync, mkdirSync, readlinkSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { MODES, makeDirs } from '../fs/safe-fs';
import { APPVM_IMAGE_DIR, USER_VM_RUN_DIR, onHost } from './host-paths';

export interface PerBootDefinition {
  /** The folder to give vm-import (holds exactly this VM). */
  readonly importDir: string;
  /** The VM's config folder, which vm-import links as /run/vm/by-id/<id>/config. */
  readonly configDir: string;
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** A link `at` → `target`, replaced atomically when it points elsewhere. */
function link(target: string, at: string): void {
  if (exists(at) && lstatSync(at).isSymbolicLink() && readlinkSync(at) === target) return;
  const tmp = `${at}.new`;
  if (exists(tmp)) unlinkSync(tmp);
  symlinkSync(target, tmp);
  renameSync(tmp, at);
}

/**
 * Builds (or checks) the definition of `app` whose folder is `<mountPath>/vms/<app>`. Paths are
 * host paths joined to `root`, so the links resolve in the sandbox too.
 */
export function buildPerBootDefinition(root: string, mountPath: string, app: string): PerBootDefinition {
  // /run is trusted (root's); from it on, no component may be a link (ADR 066).
  const run = onHost(root, path.posix.dirname(USER_VM_RUN_DIR));
  mkdirSync(run, { recursive: true, mode: MODES.sharedDir });
  const configDir = makeDirs(run, path.posix.join(path.posix.basename(USER_VM_RUN_DIR), app, app), MODES.sharedDir);
  const importDir = path.dirname(configDir);
  const image = onHost(root, APPVM_IMAGE_DIR);
  const onUserData = onHost(root, path.posix.join(mountPath, 'vms', app));
  link(path.join(image, 'vmlinux'), path.join(configDir, 'vmlinux'));
  link(path.join(image, 'blk'), path.join(configDir, 'blk'));
  link(path.join(onUserData, 'fs'), path.join(configDir, 'fs'));
  if (exists(path.join(onUserData, 'providers'))) link(path.join(onUserData, 'providers'), path.join(configDir, 'providers'));
  else if (exists(path.join(configDir, 'providers'))) unlinkSync(path.join(configDir, 'providers'));
  return { importDir, configDir };
}
