// A helper in host mode (not the sandbox), as the tests of the steps on a Spectrum host start it:
// a prepared host root (the app VM image, built-in VMs, app payloads), a sparse 8 GiB disk image
// as the target, and the test's executor answering what device-mapper and Spectrum's tools would.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../catalog/load-catalog';
import type { Executor } from '../exec/executor';
import { startHelper, type RunningHelper } from '../helper';
import { prepareHostRoot } from '../sandbox/host-root';

export interface HostLayout {
  readonly dir: string;
  /** The host's root file system. */
  readonly root: string;
  /** The disk image the helper installs to. */
  readonly target: string;
}

/** Where DIR/root and DIR/disk.img will be (made by startHostHelper). */
export function hostLayout(dir: string): HostLayout {
  return { dir, root: path.join(dir, 'root'), target: path.join(dir, 'disk.img') };
}

/** Makes the root and the target, then starts the helper on them: socket, state and key output in DIR, its log dropped. */
export function startHostHelper({ dir, root, target }: HostLayout, executor: Executor): Promise<RunningHelper> {
  mkdirSync(root);
  prepareHostRoot(root, loadCatalog());
  const r = spawnSync('truncate', ['-s', '8G', target]);
  if (r.status !== 0) throw new Error(`truncate ${target} failed`);
  return startHelper({
    listen: path.join(dir, 'vsock_5219'),
    target,
    stateDir: path.join(dir, 'state'),
    keyOut: path.join(dir, 'config'),
    root,
    executor,
    logSink: { write: () => undefined, close: () => undefined },
  });
}
