// Runs the unlock program as `npm run unlock` does (scripts/unlock.mjs, built already), with
// answers on standard input, one line per answer, and collects what it printed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root, found from this file (vitest and Playwright alike). */
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface UnlockRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runUnlockCli(
  args: readonly string[],
  answers: readonly string[] | null,
  options: { npm?: boolean } = {},
): Promise<UnlockRun> {
  const [command, argv] = options.npm
    ? ['npm', ['run', '--silent', 'unlock', '--', '--no-build', ...args]]
    : [process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'unlock.mjs'), '--no-build', ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(answers === null ? '' : answers.map((a) => `${a}\n`).join(''));
  });
}

/** The sandbox switches every unlock test uses: no real waiting between wrong tries. */
export const NO_WAIT = ['--attempt-delay-ms', '0'];
