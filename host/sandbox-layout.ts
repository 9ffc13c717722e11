// The sandbox folder of PROTOCOL.md §8. Everything in it survives a restart: a helper started
// again on the same folder (after a crash) reuses the key, the image, the state and the journal.
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
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
  };
}

/** Creates what is missing; keeps what exists. */
export function prepareSandbox(layout: SandboxLayout, imageBytes: number, catalog: Catalog): void {
  mkdirSync(layout.dir, { recursive: true });
  mkdirSync(layout.guestDir, { recursive: true, mode: 0o700 });
  mkdirSync(layout.root, { recursive: true });
  mkdirSync(layout.state, { recursive: true, mode: 0o700 });
  prepareHostRoot(layout.root, catalog);
  if (!existsSync(layout.disk) && !existsSync(layout.image)) {
    const fd = openSync(layout.image, 'wx', 0o600);
    try {
      ftruncateSync(fd, imageBytes); // sparse: no blocks until written
    } finally {
      closeSync(fd);
    }
  }
}
