// `npm run unlock -- --sandbox DIR`: the unlock program of the host (dist/host/unlock.mjs)
// against the sandbox of `npm run host`. It reads from the terminal, or one line of standard
// input per try when that is not a terminal. Builds the host part first (--no-build skips it);
// every other argument goes to the unlock program (`-- --help` lists them).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './lib/paths.mjs';

const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
if (!noBuild) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'host'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const child = spawn(process.execPath, [path.join(root, 'dist/host/unlock.mjs'), ...args.filter((a) => a !== '--no-build')], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
