// The sandbox folder of docs/protocol.md §10.2. Everything in it survives a restart: a helper
// started again on the same folder (after a crash) reuses the key, the image, the state and the
// journal. What exists is not trusted as found: a symbolic link anywhere in the tree the helper
// writes through is refused, something owned by another user is refused, and every folder and
// file it knows gets its mode again.
import { closeSync, constants, fchmodSync, ftruncateSync, lstatSync, mkdirSync, openSync, readdirSync, type Stats } from 'node:fs';
import path from 'node:path';
import { MODES, SymlinkRefusedError, makeDirs, setMode } from './fs/safe-fs';
import { JOURNAL_FILE } from './apply/journal';
import { SIGNING_KEY_FILE } from './keys/signing-key';
import type { Catalog } from '../shared/plan/catalog';
import { prepareHostRoot } from './sandbox/host-root';

export interface SandboxLayout {
  readonly dir: string;
  readonly socket: string;
  readonly guestDir: string;
  readonly image: string;
  /** Stand-in for the opened volume (/dev/mapper/userdata on a host): device-mapper is not needed. */
  readonly clearImage: string;
  /** When present, a GPT image that stands for the machine's whole disk (seed ADR 003). */
  readonly disk: string;
  /** With a disk image: names the loop device over the user-data region (the helper's target). */
  readonly partitionLink: string;
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
    clearImage: path.join(abs, 'userdata-clear.img'),
    disk: path.join(abs, 'disk.img'),
    partitionLink: path.join(abs, 'userdata-partition'),
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

/**
 * The links that are meant to be there: under `run/` (the host's per-boot tmpfs), those of
 * vm-import's registry and of the per-boot VM definitions (ADR 070); in a VM's `fs/` on the
 * user-data volume, links copied from the app's payload, for the VM alone to follow (docs/protocol.md §13.4).
 * The helper never writes through either.
 */
function isExpectedLink(rel: string[]): boolean {
  if (rel[0] === 'run') return true;
  return rel[0] === 'media' && rel[2] === 'vms' && rel[4] === 'fs' && rel.length >= 6;
}

/** Refuses any other symbolic link, and anything not the user's own, under `root/`. */
function checkRootTree(root: string, rel: string[] = []): void {
  for (const name of readdirSync(path.join(root, ...rel))) {
    const parts = [...rel, name];
    const p = path.join(root, ...parts);
    const found = lstatSync(p);
    if (found.isSymbolicLink()) {
      if (isExpectedLink(parts)) continue;
      throw new SymlinkRefusedError(p);
    }
    ownEntry(p, found);
    if (found.isDirectory()) checkRootTree(root, parts);
  }
}

/** Creates what is missing and keeps what exists, checked and with its modes set. */
export function prepareSandbox(layout: SandboxLayout, imageBytes: number, catalog: Catalog): void {
  if (!ownEntry(layout.dir, lstatOrNull(layout.dir))) mkdirSync(layout.dir, { recursive: true, mode: MODES.privateDir });
  setMode(layout.dir, MODES.privateDir);
  ownDir(layout.dir, path.basename(layout.guestDir), MODES.privateDir);
  ownDir(layout.dir, path.basename(layout.state), MODES.privateDir);
  ownDir(layout.dir, path.basename(layout.root), MODES.sharedDir); // the host's "/" as the steps see it
  checkRootTree(layout.root);
  prepareHostRoot(layout.root, catalog); // stand-ins of the host image, when missing
  ownFile(path.join(layout.guestDir, SIGNING_KEY_FILE), MODES.privateFile);
  ownFile(path.join(layout.state, JOURNAL_FILE), MODES.privateFile);
  ownFile(layout.log, MODES.privateFile);
  ownFile(layout.clearImage, MODES.privateFile);
  // With DIR/disk.img, the whole-disk image is the target and no userdata.img is made (docs/protocol.md §13.3).
  if (!ownFile(layout.image, MODES.privateFile) && !ownFile(layout.disk, MODES.privateFile)) {
    const fd = openSync(layout.image, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, MODES.privateFile);
    try {
      fchmodSync(fd, MODES.privateFile);
      ftruncateSync(fd, imageBytes); // sparse: no blocks until written
    } finally {
      closeSync(fd);
    }
  }
}
