// Files and folders on user data, with the owner and mode Spectrum expects whatever the helper's
// umask: user data belongs to the unprivileged `fs` user (uid 1000), whose virtiofsd serves a VM's
// `fs/` folder and whose user namespace makes `vm-import`'s storage folders. Built on safe-fs:
// nothing here follows a symbolic link (a link where a folder or file should be is
// SymlinkRefusedError), modes are set on descriptors, owners with lchown or fchown.
import { lchownSync, lstatSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../shared-node/fs/atomic-write';
import { MODES, SymlinkRefusedError, checkDir, setMode } from './safe-fs';

/** Spectrum's `fs` user and group (host/rootfs: passwd and group). */
export const FS_OWNER = { uid: 1000, gid: 1000 } as const;

export type Owner = { readonly uid: number; readonly gid: number };

/** Who new entries on user data belong to: `fs` when the helper may give files away (root), else nobody changes. */
export function userDataOwner(): Owner | null {
  return typeof process.getuid === 'function' && process.getuid() === 0 ? FS_OWNER : null;
}

export const DIR_MODE = MODES.sharedDir;
export const FILE_MODE = MODES.sharedFile;
export const EXEC_MODE = MODES.executable;

/** A folder with this mode and owner, made if missing. An existing link or file there is an error. */
export function ensureDir(dir: string, owner: Owner | null, mode: number = DIR_MODE): void {
  try {
    mkdirSync(dir, { mode });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  checkDir(dir);
  setMode(dir, mode); // through a descriptor opened without following links
  const st = lstatSync(dir);
  if (owner && (st.uid !== owner.uid || st.gid !== owner.gid)) lchownSync(dir, owner.uid, owner.gid);
}

/** `mkdir -p` below `base` (which must be a folder, not a link): each folder from base to `dir` gets owner and mode. */
export function ensureDirs(base: string, dir: string, owner: Owner | null, mode: number = DIR_MODE): string {
  const rel = path.relative(base, dir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`${dir} is not under ${base}`);
  checkDir(base);
  let at = base;
  for (const part of rel.split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    ensureDir(at, owner, mode);
  }
  return at;
}

/** Replaces `file` atomically with `data`, mode and owner set on the descriptor before it appears under its name. */
export function writeOwnedFile(file: string, data: string | Uint8Array, owner: Owner | null, mode: number = FILE_MODE): void {
  try {
    writeFileAtomic(file, data, mode, owner ?? undefined);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new SymlinkRefusedError(file);
    throw e;
  }
}
