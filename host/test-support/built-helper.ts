// The built command line, dist/host/helper.mjs. Vitest's global setup builds it before the
// tests run; this only builds it when a test file runs without that setup and finds none.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const BUILT_HELPER = path.join(PROJECT_ROOT, 'dist', 'host', 'helper.mjs');

export function builtHelper(): string {
  if (!existsSync(BUILT_HELPER)) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs', 'host'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`building the helper failed: ${r.stderr}`);
  }
  return BUILT_HELPER;
}
