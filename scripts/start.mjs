// `npm start`: installs what is missing, builds, starts the helper in a sandbox and opens the
// wizard: in Electron when a binary can be had, else the browser preview (its URL is printed).
//   --sandbox-dir DIR   keep the sandbox there (default: a new temporary folder)
//   --preview           serve the browser preview even when Electron is available
//   --fast-kdf          cheap keyslot key derivation (quick demos)
//   --port N            preview port (default: random)
//   --trusted-keys DIR  the helper trusts these keys (an organization's, for answers files)
//   --answers FILE      the helper uses this signed answers file (else DIR/answers/)
//   --simulated-fido2-keys NAMES  the sandbox helper offers only these simulated keys (no-pin,…)
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { build, ensureNodePackages, ensureSystemPackages } from './lib/setup.mjs';
import { root } from './lib/paths.mjs';
import { importTypeScript } from './lib/typescript.mjs';
import { findElectron } from './lib/electron.mjs';

const { values: opts } = parseArgs({
  options: {
    'sandbox-dir': { type: 'string' },
    preview: { type: 'boolean', default: false },
    'fast-kdf': { type: 'boolean', default: false },
    port: { type: 'string' },
    'trusted-keys': { type: 'string' },
    answers: { type: 'string' },
    'simulated-fido2-keys': { type: 'string' },
  },
});

ensureNodePackages();
ensureSystemPackages(['cryptsetup-bin', 'mtools']);
build();
/** @type {typeof import('./lib/processes')} */
const { startHelper, startPreview, stop } = await importTypeScript('scripts/lib/processes.ts');

const sandbox = path.resolve(opts['sandbox-dir'] ?? mkdtempSync(path.join(tmpdir(), 'spectrum-firstboot-')));
mkdirSync(sandbox, { recursive: true });
const helperArgs = [
  ...(opts['fast-kdf'] ? ['--fast-kdf'] : []),
  ...(opts['trusted-keys'] ? ['--trusted-keys', path.resolve(opts['trusted-keys'])] : []),
  ...(opts.answers ? ['--answers', path.resolve(opts.answers)] : []),
  ...(opts['simulated-fido2-keys'] ? ['--simulated-fido2-keys', opts['simulated-fido2-keys']] : []),
];
const { child: helper, ready } = await startHelper(sandbox, helperArgs, { stdio: 'inherit' });
console.log(`helper: sandbox ${sandbox}, socket ${ready.socket}`);

const children = [helper];
const shutdown = async (code = 0) => {
  await Promise.all(children.map((c) => stop(c)));
  process.exit(code);
};
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
helper.once('exit', (code) => {
  console.error(`helper exited (${code}); stopping`);
  void shutdown(1);
});

const stateDir = path.join(sandbox, 'wizard');
const electron = opts.preview ? { path: null, reason: '--preview was asked for' } : findElectron();
if (electron.path) {
  const app = spawn(
    electron.path,
    [
      path.join(root, 'dist/electron/main.cjs'),
      '--dev',
      '--sandbox',
      '--simulated-fido2',
      '--socket',
      ready.socket,
      '--signing-key',
      ready.signingKey,
      '--state-dir',
      stateDir,
    ],
    { stdio: 'inherit' },
  );
  children.push(app);
  console.log('wizard: opened in Electron');
  app.once('exit', () => void shutdown(0));
} else {
  console.log(`wizard: no Electron (${electron.reason}); serving the browser preview instead`);
  const extra = ['--sandbox', '--simulated-fido2', ...(opts.port ? ['--port', opts.port] : [])];
  const { child: preview, ready: served } = await startPreview(
    { socket: ready.socket, signingKey: ready.signingKey, stateDir, extraArgs: extra },
    { stdio: 'inherit' },
  );
  children.push(preview);
  console.log(`wizard: open ${served.url}`);
  preview.once('exit', () => void shutdown(1));
}
