// Integration tests spawn the built helper and preview server as real processes: build them once.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'host', 'electron'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build of host and electron failed: see above');
}
