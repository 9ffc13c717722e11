// A helper of its own for one measurement: started on a new sandbox (with --fast-kdf), used,
// stopped with its process group, its sandbox removed. Its start-up is never timed.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { releaseSandbox } from '../../host/sandbox/release';
import { startNode, type Child } from './children';

/** The helper and echo-server scripts of the run, and the folder sandboxes go in. */
export interface HelperSetup {
  readonly helperScript: string;
  readonly echoScript: string;
  readonly workDir: string;
}

/** Starts a helper on a new sandbox, runs `body` against it, stops it and removes the sandbox. */
export async function withFreshHelper<T>(setup: HelperSetup, name: string, body: (helper: Child) => Promise<T>): Promise<T> {
  const sandbox = path.join(setup.workDir, name);
  const helper = await startNode(setup.helperScript, ['--sandbox', sandbox, '--fast-kdf'], 'helper');
  try {
    return await body(helper);
  } finally {
    await helper.stop();
    releaseSandbox(sandbox); // a helper stopped hard leaves its user-data mount behind
    rmSync(sandbox, { recursive: true, force: true });
  }
}
