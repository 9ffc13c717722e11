// The sandbox folder of docs/protocol.md §10.2. Everything in it survives a restart: a helper
// started again on the same folder (after a crash) reuses the key, the image, the state and the
// journal. What exists is not trusted as found: a symbolic link anywhere in the tree the helper
// writes through is refused, something owned by another user is refused, and every folder and
// file it knows gets its mode again.
import { closeSync, constants, fchmodSync, ftruncateSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, type Stats } from 'node:fs';
import path from 'node:path';
import { MODES, SymlinkRefusedError, makeDirs, setMode } from './fs/safe-fs';
import { JOURNAL_FILE } from './apply/journal';
import { SIGNING_KEY_FILE } from './keys/signing-key';
import { APPVM_IMAGE_DIR } from './spectrum/vm-definition';

export interface SandboxLayout {
  readonly dir: string;
  readonly socket: string;
  readonly guestDir: string;
  readonly image: string;
  readonly root: string;
  readonly state: string;
  readonly log: string;
  /** Where a sandbox finds an answers file (the ESP or USB stick of a real machine). */
  readonly answers: string;
}

export function sandboxLayout(dir: string): SandboxLayout {
  const abs = path.resolve(dir);
  return {
    dir: abs,
    socket: path.join(abs, 'vsock_5219'),
    guestDir: path.join(abs, 'guest'),
    image: path.join(abs, 'userdata.img'),
    root: path.join(abs, 'root'),
    state: path.join(abs, 'state'),
    log: path.join(abs, 'helper.log'),
    answers: path.join(abs, 'answers'),
  };
}

type Found = Stats | null;

function lstatOrNull(p: string): Found {
  try {
    return lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Refuses a link, and anything that is not the current user's. */
function ownEntry(p: string, found: Found): Found {
  if (found?.isSymbolicLink()) throw new SymlinkRefusedError(p);
  const me = process.geteuid?.();
  if (found && me !== undefined && found.uid !== me) throw new Error(`${p} belongs to another user; the sandbox must be the helper's own`);
  return found;
}

/** A file of the sandbox that may exist: then it must be the user's own regular file, and gets `mode`. */
function ownFile(p: string, mode: number): boolean {
  const found = ownEntry(p, lstatOrNull(p));
  if (!found) return false;
  if (!found.isFile()) throw new Error(`${p} exists and is not a file`);
  setMode(p, mode);
  return true;
}

function ownDir(parent: string, name: string, mode: number): void {
  const p = path.join(parent, name);
  ownEntry(p, lstatOrNull(p));
  makeDirs(parent, name, mode);
  setMode(p, mode);
}

/** The links the helper writes itself: a VM's kernel and root image, into the host's app VM image. */
function isOwnVmLink(rel: string[], target: string): boolean {
  const n = rel.length;
  const inVms = rel[0] === 'media' && rel[2] === 'vms' && n >= 5;
  const kernel = inVms && n === 5 && rel[4] === 'vmlinux' && target === path.posix.join(APPVM_IMAGE_DIR, 'vmlinux');
  const image = inVms && n === 6 && rel[4] === 'blk' && rel[5] === 'root.img' && target === path.posix.join(APPVM_IMAGE_DIR, 'blk', 'root.img');
  return kernel || image;
}

/** Refuses any other symbolic link, and anything not the user's own, under `root/`. */
function checkRootTree(root: string, rel: string[] = []): void {
  for (const name of readdirSync(path.join(root, ...rel))) {
    const parts = [...rel, name];
    const p = path.join(root, ...parts);
    const found = lstatSync(p);
    if (found.isSymbolicLink()) {
      if (isOwnVmLink(parts, readlinkSync(p))) continue;
      throw new SymlinkRefusedError(p);
    }
    ownEntry(p, found);
    if (found.isDirectory()) checkRootTree(root, parts);
  }
}

/** Creates what is missing and keeps what exists, checked and with its modes set. */
export function prepareSandbox(layout: SandboxLayout, imageBytes: number): void {
  if (!ownEntry(layout.dir, lstatOrNull(layout.dir))) mkdirSync(layout.dir, { recursive: true, mode: MODES.privateDir });
  setMode(layout.dir, MODES.privateDir);
  ownDir(layout.dir, path.basename(layout.guestDir), MODES.privateDir);
  ownDir(layout.dir, path.basename(layout.state), MODES.privateDir);
  ownDir(layout.dir, path.basename(layout.root), MODES.sharedDir); // the host's "/" as the steps see it
  checkRootTree(layout.root);
  ownFile(path.join(layout.guestDir, SIGNING_KEY_FILE), MODES.privateFile);
  ownFile(path.join(layout.state, JOURNAL_FILE), MODES.privateFile);
  ownFile(layout.log, MODES.privateFile);
  if (!ownFile(layout.image, MODES.privateFile)) {
    const fd = openSync(layout.image, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, MODES.privateFile);
    try {
      fchmodSync(fd, MODES.privateFile);
      ftruncateSync(fd, imageBytes); // sparse: no blocks until written
    } finally {
      closeSync(fd);
    }
  }
}
