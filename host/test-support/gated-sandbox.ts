// The set-up of tests that hold the helper's tools: for each test a fresh GatedExecutor, and
// after it every held tool let go and the sandbox the test started (if any) disposed.
import { afterEach, beforeEach } from 'vitest';
import { GatedExecutor } from './gated-executor';
import type { TestSandbox } from './sandbox-helper';

export interface GatedSandbox {
  exec: GatedExecutor;
  /** The test's sandbox: set it when starting one (with `executor: exec` to gate its tools). */
  sb: TestSandbox | null;
}

/** Call in a describe block; its tests read and set the returned object's fields. */
export function gatedSandboxPerTest(): GatedSandbox {
  const t: GatedSandbox = { exec: new GatedExecutor(), sb: null };
  beforeEach(() => {
    t.exec = new GatedExecutor();
  });
  afterEach(async () => {
    t.exec.releaseAll();
    await t.sb?.dispose();
    t.sb = null;
  });
  return t;
}
