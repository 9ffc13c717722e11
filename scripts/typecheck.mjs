// Typechecks each layer with its own view of the world: shared/ sees neither Node nor the DOM,
// renderer/ sees the DOM but not Node, electron/ and host/ see Node. Tests see everything.
import { spawnSync } from 'node:child_process';

const projects = ['shared/tsconfig.json', 'renderer/tsconfig.json', 'electron/tsconfig.json', 'host/tsconfig.json', 'scripts/bench/tsconfig.json', 'tsconfig.test.json'];
let failed = 0;
for (const project of projects) {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`typecheck: ${project} failed`);
  }
}
process.exit(failed ? 1 : 0);
