// One VM directory in Spectrum's VM configuration format ("Creating VMs"): vmlinux, blk/*.img,
// providers/net/<provider>, fs/. Kernel and root image link to the app VM image that ships in
// the host's read-only root, so a user VM costs no copy.
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppRecipe } from './app-recipes';

export const APPVM_IMAGE_DIR = '/usr/lib/spectrum/img/appvm';
export const NET_PROVIDER = 'sys.netvm';

/** Writes `<dir>` from scratch (anything there before is replaced). */
export function writeVmDefinition(dir: string, recipe: AppRecipe): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'blk'), { recursive: true });
  // Absolute host paths: they resolve on the host that imports the VM (dangling in the sandbox).
  symlinkSync(path.posix.join(APPVM_IMAGE_DIR, 'vmlinux'), path.join(dir, 'vmlinux'));
  symlinkSync(path.posix.join(APPVM_IMAGE_DIR, 'blk', 'root.img'), path.join(dir, 'blk', 'root.img'));
  if (recipe.network) {
    mkdirSync(path.join(dir, 'providers', 'net'), { recursive: true });
    writeFileSync(path.join(dir, 'providers', 'net', NET_PROVIDER), '');
  }
  if (recipe.fs) {
    mkdirSync(path.join(dir, 'fs'), { recursive: true });
    writeFileSync(path.join(dir, 'fs', 'type'), `${recipe.fs.type}\n`);
    const run = path.join(dir, 'fs', 'run');
    writeFileSync(run, `#!/bin/sh\nexec ${recipe.fs.command}\n`);
    chmodSync(run, 0o755);
  }
}
