// Starts the built helper and preview server as child processes and waits for their one-line
// JSON "ready" announcement. Shared by `npm start`, the e2e fixtures and the benchmark.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HELPER_ENTRY = path.join(root, 'dist/host/helper.mjs');
export const PREVIEW_ENTRY = path.join(root, 'dist/preview/server.mjs');

/**
 * Spawns `node entry ...args` and resolves with the parsed ready line and the child.
 * Rejects when the process exits or stays silent for `timeoutMs`.
 */
/**
 * @param {string} entry
 * @param {string[]} args
 * @param {{ timeoutMs?: number, env?: NodeJS.ProcessEnv, stdio?: 'pipe' | 'inherit', name?: string }} [opts]
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, ready: { [key: string]: string } }>}
 */
export function spawnReady(entry, args, { timeoutMs = 30_000, env = process.env, stdio = 'pipe', name = path.basename(entry) } = {}) {
  const child = spawn(process.execPath, [entry, ...args], { env, stdio: ['ignore', 'pipe', stdio === 'inherit' ? 'inherit' : 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not become ready within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      if (msg && msg.event === 'ready') {
        clearTimeout(timer);
        lines.removeAllListeners('line');
        child.stdout.resume();
        resolve({ child, ready: msg });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready\n${stderr}`));
    });
  });
}

/**
 * @param {string} sandboxDir
 * @param {string[]} [extraArgs]
 * @param {{ timeoutMs?: number, env?: NodeJS.ProcessEnv, stdio?: 'pipe' | 'inherit' }} [opts]
 */
export function startHelper(sandboxDir, extraArgs = [], opts = {}) {
  return spawnReady(HELPER_ENTRY, ['--sandbox', sandboxDir, ...extraArgs], { name: 'helper', ...opts });
}

/**
 * @param {{ socket: string, signingKey: string, stateDir: string, extraArgs?: string[] }} options
 * @param {{ timeoutMs?: number, env?: NodeJS.ProcessEnv, stdio?: 'pipe' | 'inherit' }} [opts]
 */
export function startPreview({ socket, signingKey, stateDir, extraArgs = [] }, opts = {}) {
  return spawnReady(
    PREVIEW_ENTRY,
    [
      '--socket',
      socket,
      '--signing-key',
      signingKey,
      '--state-dir',
      stateDir,
      '--renderer-dir',
      path.join(root, 'dist/renderer'),
      ...extraArgs,
    ],
    { name: 'preview', ...opts },
  );
}

/**
 * Stops a child politely, then firmly.
 * @param {import('node:child_process').ChildProcess | null | undefined} child
 */
export async function stop(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(t);
}
