// One user VM's folder on user data (`<mount>/vms/<app>/`), in Spectrum's VM configuration format
// less what cannot live there: user data is mounted nosymfollow, and cloud-hypervisor (sandboxed
// with /run and /usr only) cannot reach /media, so kernel and disks come from the per-boot
// definition under /run (ADR 070). What is here is read without following a link: `fs/type` and
// `fs/run` (served to the VM by virtiofsd as uid 1000; the VM's user runs `run`, hence 0755) and
// `providers/net/<provider>` (read by start-vmm). Every entry belongs to `fs`.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { EXEC_MODE, ensureDir, ensureDirs, writeOwnedFile, type Owner } from '../fs/owned';
import type { AppRecipe } from './app-recipes';
import { NET_PROVIDER } from './host-paths';

/** Writes `<dir>` from scratch (anything there before is replaced). */
export function writeVmDefinition(dir: string, recipe: AppRecipe, owner: Owner | null): void {
  rmSync(dir, { recursive: true, force: true });
  ensureDir(dir, owner);
  if (recipe.network) {
    ensureDirs(dir, path.join(dir, 'providers', 'net'), owner);
    writeOwnedFile(path.join(dir, 'providers', 'net', NET_PROVIDER), '', owner);
  }
  if (recipe.fs) {
    ensureDir(path.join(dir, 'fs'), owner);
    writeOwnedFile(path.join(dir, 'fs', 'type'), `${recipe.fs.type}\n`, owner);
    writeOwnedFile(path.join(dir, 'fs', 'run'), `#!/bin/sh\nexec ${recipe.fs.command}\n`, owner, EXEC_MODE);
  }
}
