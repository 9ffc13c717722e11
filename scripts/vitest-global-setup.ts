// Integration tests spawn the built helper and preview server as real processes, and the font
// checks read the subset fonts: build them once.
// Set VITEST_SKIP_BUILD=1 to reuse an existing dist/.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.VITEST_SKIP_BUILD === '1') return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'host', 'electron', 'fonts'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build of host, electron and fonts failed: see above (VITEST_SKIP_BUILD=1 skips it)');
}
