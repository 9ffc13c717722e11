// The sandbox folder of PROTOCOL.md §8. Everything in it survives a restart: a helper started
// again on the same folder (after a crash) reuses the key, the image, the state and the journal.
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

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

/** Creates what is missing; keeps what exists. */
export function prepareSandbox(layout: SandboxLayout, imageBytes: number): void {
  mkdirSync(layout.dir, { recursive: true });
  mkdirSync(layout.guestDir, { recursive: true, mode: 0o700 });
  mkdirSync(layout.root, { recursive: true });
  mkdirSync(layout.state, { recursive: true, mode: 0o700 });
  if (!existsSync(layout.image)) {
    const fd = openSync(layout.image, 'wx', 0o600);
    try {
      ftruncateSync(fd, imageBytes); // sparse: no blocks until written
    } finally {
      closeSync(fd);
    }
  }
}
