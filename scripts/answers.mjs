// `npm run answers -- COMMAND …`: installs node packages on a fresh clone, builds the host tools
// (esbuild, a second or two), then runs dist/host/answers.mjs with the arguments. The commands
// are described in README.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './lib/paths.mjs';
import { ensureNodePackages } from './lib/setup.mjs';

ensureNodePackages();

const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'host'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) process.exit(built.status ?? 1);
const run = spawnSync(process.execPath, [path.join(root, 'dist/host/answers.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
