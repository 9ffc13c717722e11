// One user VM's folder on user data (`<mount>/vms/<app>/`), written from the payload the host image
// ships for the app (`/usr/lib/spectrum/img/apps/<app>/`: `fs/` and `providers/`), less what cannot
// live on user data: it is mounted nosymfollow and cloud-hypervisor (sandboxed with /run and /usr
// only) cannot reach /media, so kernel and disks come from the per-boot definition under /run
// (ADR 070). `fs/` is served to the VM by virtiofsd as uid 1000 and read by the VM's user, so
// files keep their executable bit and are readable by all; `providers/net/<provider>` is read by
// start-vmm. Every entry belongs to `fs`. A link in `fs/` (a nix closure's `run`) is copied as a
// link: only the VM follows it, inside its own file system.
import { lstatSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, lchownSync } from 'node:fs';
import path from 'node:path';
import { DIR_MODE, EXEC_MODE, FILE_MODE, ensureDir, writeOwnedFile, type Owner } from '../fs/owned';

/** The parts of a payload a user VM folder takes. */
const PAYLOAD_PARTS = ['fs', 'providers'] as const;

export class PayloadError extends Error {}

function copyTree(from: string, to: string, owner: Owner | null): void {
  ensureDir(to, owner, DIR_MODE);
  for (const name of readdirSync(from).sort()) {
    const src = path.join(from, name);
    const dst = path.join(to, name);
    const st = lstatSync(src);
    if (st.isDirectory()) copyTree(src, dst, owner);
    else if (st.isFile()) writeOwnedFile(dst, readFileSync(src), owner, st.mode & 0o111 ? EXEC_MODE : FILE_MODE);
    else if (st.isSymbolicLink()) {
      symlinkSync(readlinkSync(src), dst);
      if (owner) lchownSync(dst, owner.uid, owner.gid);
    } else throw new PayloadError(`${src} is neither a file, a folder nor a link`);
  }
}

/** Writes `<dir>` from scratch from `payload` (anything there before is replaced). */
export function writeVmDefinition(dir: string, payload: string, owner: Owner | null): void {
  rmSync(dir, { recursive: true, force: true });
  ensureDir(dir, owner);
  for (const part of PAYLOAD_PARTS) {
    let present = false;
    try {
      present = lstatSync(path.join(payload, part)).isDirectory();
    } catch {
      // this payload has no such part
    }
    if (present) copyTree(path.join(payload, part), path.join(dir, part), owner);
  }
}
