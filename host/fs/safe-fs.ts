// Creating files and folders with the mode meant, whatever the process umask, and never through
// a symbolic link: a path is walked one component at a time with lstat from a folder the helper
// trusts, modes are set on an open descriptor (fchmod), and new files are opened O_EXCL (which
// also refuses an existing link). The helper sets umask 077 at start as well; these do not rely
// on it.
import { closeSync, constants, fchmodSync, fstatSync, lstatSync, mkdirSync, openSync, readSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';

/** The modes the helper gives what it creates (docs/protocol.md §8.2, §8.4). */
export const MODES = {
  /** The sandbox, the state and key folders, the receipt's folder. */
  privateDir: 0o700,
  /** Journal, key, log, image, receipt. */
  privateFile: 0o600,
  /** Folders Spectrum's services read on the volume (VM folders, configuration). */
  sharedDir: 0o755,
  sharedFile: 0o644,
  /** A VM's fs/run. */
  executable: 0o755,
} as const;

/** A symbolic link where the helper would create or write through a folder or file. */
export class SymlinkRefusedError extends Error {
  constructor(readonly where: string) {
    super(`${where} is a symbolic link; the helper does not follow links where it writes (remove it)`);
  }
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw e;
  }
}

/** Sets the exact mode of an existing folder or file at `p`, refusing a link. */
export function setMode(p: string, mode: number): void {
  let fd: number;
  try {
    fd = openSync(p, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    if (errno(e) === 'ELOOP') throw new SymlinkRefusedError(p);
    throw e;
  }
  try {
    if ((fstatSync(fd).mode & 0o7777) !== mode) fchmodSync(fd, mode);
  } finally {
    closeSync(fd);
  }
}

/** Throws unless `p` is a folder that is not a link. */
export function checkDir(p: string): void {
  const st = lstatSync(p);
  if (st.isSymbolicLink()) throw new SymlinkRefusedError(p);
  if (!st.isDirectory()) throw new Error(`${p} is not a folder`);
}

/**
 * The folder `base`/`rel`, made where missing: each missing folder gets `mode`; every
 * component from `base` on must be a folder and not a link. `base` itself is checked too;
 * the path above it is trusted. Returns the full path.
 */
export function makeDirs(base: string, rel: string, mode: number): string {
  checkDir(base);
  let at = base;
  for (const part of rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.')) {
    if (part === '..') throw new Error(`"${rel}" leaves ${base}`);
    at = path.join(at, part);
    const st = lstatOrNull(at);
    if (st === null) {
      try {
        mkdirSync(at, { mode });
      } catch (e) {
        if (errno(e) !== 'EEXIST') throw e;
      }
      checkDir(at);
      setMode(at, mode);
    } else if (st.isSymbolicLink()) {
      throw new SymlinkRefusedError(at);
    } else if (!st.isDirectory()) {
      throw new Error(`${at} is not a folder`);
    }
  }
  return at;
}

/**
 * The existing folder `base`/`rel`: every component from `base` on must be a folder and not a
 * link. Nothing is created (a missing mount is an error, not a folder to make).
 */
export function existingDir(base: string, rel: string): string {
  checkDir(base);
  let at = base;
  for (const part of rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.')) {
    if (part === '..') throw new Error(`"${rel}" leaves ${base}`);
    at = path.join(at, part);
    checkDir(at);
  }
  return at;
}

/**
 * A folder the operator names (state, key output): created with `mode` (and missing parents)
 * when absent; when present it must be a folder and not a link, and keeps its mode.
 */
export function ensureDir(p: string, mode: number): void {
  const st = lstatOrNull(p);
  if (st === null) {
    mkdirSync(p, { recursive: true, mode });
    setMode(p, mode);
    return;
  }
  if (st.isSymbolicLink()) throw new SymlinkRefusedError(p);
  if (!st.isDirectory()) throw new Error(`${p} is not a folder`);
}

/** Writes a new file (it must not exist, not even as a link) with exactly `mode`. */
export function writeNewFile(file: string, data: string | Uint8Array, mode: number): void {
  let fd: number;
  try {
    fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  } catch (e) {
    if (errno(e) === 'EEXIST' && lstatOrNull(file)?.isSymbolicLink()) throw new SymlinkRefusedError(file);
    throw e;
  }
  try {
    fchmodSync(fd, mode);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens `file` for appending, creating it with `mode` if missing; an existing file gets `mode`
 * too. Refuses a link. Returns the descriptor.
 */
export function openAppend(file: string, mode: number): number {
  let fd: number;
  try {
    fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, mode);
  } catch (e) {
    if (errno(e) === 'ELOOP') throw new SymlinkRefusedError(file);
    throw e;
  }
  fchmodSync(fd, mode);
  return fd;
}

/** Reads a whole file that must not be a link, and gives it `mode`. Null when it is missing. */
export function readOwnFile(file: string, mode: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    if (errno(e) === 'ELOOP') throw new SymlinkRefusedError(file);
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error(`${file} is not a file`);
    if ((st.mode & 0o7777) !== mode) fchmodSync(fd, mode);
    const chunks: Buffer[] = [];
    for (;;) {
      const buf = Buffer.alloc(64 * 1024);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}
