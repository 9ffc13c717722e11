// Finds an Electron binary: ELECTRON_OVERRIDE_DIST_PATH, or the electron package's own binary,
// which the package downloads on first use where the network allows it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { root } from './paths.mjs';

/** @returns {{ path: string } | { path: null, reason: string }} */
export function findElectron({ timeoutMs = 180_000 } = {}) {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: process.env,
  });
  const candidate = r.status === 0 ? r.stdout.trim() : '';
  if (candidate && existsSync(candidate)) return { path: candidate };
  const why = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? `ELECTRON_OVERRIDE_DIST_PATH=${process.env.ELECTRON_OVERRIDE_DIST_PATH} holds no electron binary`
    : 'the electron binary is not installed and could not be downloaded (set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron)';
  return { path: null, reason: why };
}
