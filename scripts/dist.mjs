// `npm run dist`: the Linux packages (dir and deb) with electron-builder, from the built app.
// electron-builder needs an Electron to package: ELECTRON_OVERRIDE_DIST_PATH, the electron
// package's own download, or (on a connected machine) its own download. After packaging it
// prints the fuses of the packaged binary, which must match electron-builder.yml.
//   npm run dist -- --dir-only    only the unpacked `dir` target (the deb target also fetches
//                                 electron-builder's packaging tool on first use)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build, ensureNodePackages } from './lib/setup.mjs';
import { root } from './lib/paths.mjs';
import { findElectron } from './lib/electron.mjs';

const dirOnly = process.argv.includes('--dir-only');
ensureNodePackages();
build();

const electron = findElectron();
if (electron.path === null) {
  console.error(`dist: cannot package: ${electron.reason}.`);
  console.error('dist: electron-builder needs an Electron for Linux x64; on a connected machine `npm run dist` downloads it.');
  process.exit(1);
}

const args = ['--linux', ...(dirOnly ? ['dir'] : ['dir', 'deb']), '--publish', 'never', `-c.electronDist=${path.dirname(electron.path)}`];
const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-builder/cli.js'), ...args], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('dist: electron-builder failed (see above). Without network, try `npm run dist -- --dir-only`.');
  process.exit(r.status ?? 1);
}

const binary = path.join(root, 'out/packages/linux-unpacked/spectrum-firstboot');
if (existsSync(binary)) {
  console.log('dist: fuses of the packaged binary:');
  spawnSync(process.execPath, [path.join(root, 'node_modules/@electron/fuses/dist/bin.js'), 'read', '--app', binary], { stdio: 'inherit' });
}
