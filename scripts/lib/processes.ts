// Starts the built helper and preview server as child processes and waits for their one-line
// JSON "ready" announcement. Shared by `npm start`, the e2e fixtures and the l10n gallery.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { z } from 'zod';
import { HELPER_ENTRY, PREVIEW_ENTRY, root } from './paths.mjs';

export { HELPER_ENTRY, PREVIEW_ENTRY, root };

export interface SpawnOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  stdio?: 'pipe' | 'inherit';
  name?: string;
}

/** The helper's ready line (host/cli.ts). */
const HelperReady = z.object({ event: z.literal('ready'), socket: z.string(), signingKey: z.string() });
/** The preview server's ready line (electron/node/preview-cli.ts). */
const PreviewReady = z.object({ event: z.literal('ready'), url: z.string() });

export interface Ready<T> {
  child: ChildProcess;
  ready: T;
}

/**
 * Spawns `node entry ...args` and resolves with the parsed ready line and the child.
 * Rejects when the process exits or stays silent for `timeoutMs`.
 */
export function spawnReady<T>(
  entry: string,
  args: string[],
  schema: z.ZodType<T>,
  { timeoutMs = 30_000, env = process.env, stdio = 'pipe', name = path.basename(entry) }: SpawnOptions = {},
): Promise<Ready<T>> {
  const child = spawn(process.execPath, [entry, ...args], { env, stdio: ['ignore', 'pipe', stdio === 'inherit' ? 'inherit' : 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  return readyLine(
    child,
    name,
    timeoutMs,
    () => stderr,
    () => child.kill('SIGKILL'),
  ).then((msg) => {
    const ready = schema.safeParse(msg);
    if (ready.success) return { child, ready: ready.data };
    child.kill('SIGKILL');
    throw new Error(`${name} announced a ready line that is not what was expected: ${ready.error.message}`);
  });
}

/**
 * Waits for the child's one-line JSON `{"event":"ready",…}` on stdout (the helper's and the
 * preview server's announcement) and resolves with it, unchecked. Rejects when the child exits
 * first, or after `timeoutMs` (having called `onTimeout`); `stderr` gives what it said, for the error.
 */
export function readyLine(
  child: ChildProcess,
  name: string,
  timeoutMs: number,
  stderr: () => string,
  onTimeout: () => void,
): Promise<unknown> {
  const { stdout } = child;
  // Callers pipe stdout: never null.
  if (!stdout) throw new Error(`${name} has no stdout`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`${name} did not become ready within ${timeoutMs} ms\n${stderr()}`));
    }, timeoutMs);
    const lines = createInterface({ input: stdout });
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready\n${stderr()}`));
    };
    child.once('exit', onExit);
    lines.on('line', (line) => {
      let msg: unknown;
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      if (typeof msg !== 'object' || msg === null || (msg as { event?: unknown }).event !== 'ready') return;
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.removeAllListeners('line');
      stdout.resume();
      resolve(msg);
    });
  });
}

export function startHelper(
  sandboxDir: string,
  extraArgs: string[] = [],
  opts: Omit<SpawnOptions, 'name'> = {},
): Promise<Ready<z.infer<typeof HelperReady>>> {
  return spawnReady(HELPER_ENTRY, ['--sandbox', sandboxDir, ...extraArgs], HelperReady, { name: 'helper', ...opts });
}

export interface PreviewSetup {
  socket: string;
  signingKey: string;
  stateDir: string;
  extraArgs?: string[];
}

export function startPreview(
  { socket, signingKey, stateDir, extraArgs = [] }: PreviewSetup,
  opts: Omit<SpawnOptions, 'name'> = {},
): Promise<Ready<z.infer<typeof PreviewReady>>> {
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
    PreviewReady,
    { name: 'preview', ...opts },
  );
}

/** Stops a child politely, then firmly. */
export async function stop(child: ChildProcess | null | undefined, graceMs = 3000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(t);
}
