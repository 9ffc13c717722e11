// One VM directory in Spectrum's VM configuration format ("Creating VMs"): vmlinux, blk/*.img,
// providers/net/<provider>, fs/. Kernel and root image link to the app VM image that ships in
// the host's read-only root, so a user VM costs no copy. Folders 0755 and files 0644 (fs/run
// 0755): Spectrum's services read them.
import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { MODES, makeDirs, writeNewFile } from '../fs/safe-fs';
import type { AppRecipe } from './app-recipes';

export const APPVM_IMAGE_DIR = '/usr/lib/spectrum/img/appvm';
export const NET_PROVIDER = 'sys.netvm';

/** Writes `<vmsDir>/<name>` from scratch (what this installation wrote there before is replaced). */
export function writeVmDefinition(vmsDir: string, name: string, recipe: AppRecipe): void {
  rmSync(path.join(vmsDir, name), { recursive: true, force: true });
  const dir = makeDirs(vmsDir, name, MODES.sharedDir);
  const blk = makeDirs(dir, 'blk', MODES.sharedDir);
  // Absolute host paths: they resolve on the host that imports the VM (dangling in the sandbox).
  symlinkSync(path.posix.join(APPVM_IMAGE_DIR, 'vmlinux'), path.join(dir, 'vmlinux'));
  symlinkSync(path.posix.join(APPVM_IMAGE_DIR, 'blk', 'root.img'), path.join(blk, 'root.img'));
  if (recipe.network) writeNewFile(path.join(makeDirs(dir, path.join('providers', 'net'), MODES.sharedDir), NET_PROVIDER), '', MODES.sharedFile);
  if (recipe.fs) {
    const fs = makeDirs(dir, 'fs', MODES.sharedDir);
    writeNewFile(path.join(fs, 'type'), `${recipe.fs.type}\n`, MODES.sharedFile);
    writeNewFile(path.join(fs, 'run'), `#!/bin/sh\nexec ${recipe.fs.command}\n`, MODES.executable);
  }
}
