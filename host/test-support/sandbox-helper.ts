// An in-process helper on a fresh sandbox folder under the OS temp dir, for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { startHelper, type HelperOptions, type RunningHelper } from '../helper';
import { releaseSandbox } from '../sandbox/release';
import { loadSigner } from './plan-maker';

export interface TestSandbox {
  readonly dir: string;
  readonly helper: RunningHelper;
  readonly signer: KeyObject;
  /** Stops the helper (if running) and removes the folder. */
  dispose(): Promise<void>;
  /** Stops the helper and starts another on the same folder (a restart). */
  restart(extra?: Partial<HelperOptions>): Promise<TestSandbox>;
}

/** Sandbox folders this test file made: released after the file whatever happened (see vitest.config.ts). */
export const madeTempDirs = new Set<string>();

export function makeTempDir(prefix = 'spectrum-helper-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  madeTempDirs.add(dir);
  return dir;
}

/** Unmounts and detaches what the sandbox attached, then removes the folder. */
export function removeTempDir(dir: string): void {
  releaseSandbox(dir);
  rmSync(dir, { recursive: true, force: true });
}

export async function startSandbox(extra: Partial<HelperOptions> = {}, dir = makeTempDir()): Promise<TestSandbox> {
  const helper = await startHelper({ sandbox: dir, fastKdf: true, ...extra });
  const signer = loadSigner(helper.signingKeyPath);
  const sandbox: TestSandbox = {
    dir,
    helper,
    signer,
    async dispose() {
      try {
        await helper.close();
      } finally {
        removeTempDir(dir); // a backstop: mounts and loop devices never outlive the test
      }
    },
    async restart(more = {}) {
      await helper.close();
      return startSandbox({ ...extra, ...more }, dir);
    },
  };
  return sandbox;
}
