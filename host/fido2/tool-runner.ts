// Runs one of libfido2's tools with its parameters on stdin and answers its PIN prompt.
//
// The tools read a PIN from the terminal if there is one, else from stdin, after a prompt
// "Enter PIN for <device>: " on stderr. The child gets its own session (detached), so it has no
// controlling terminal, and the PIN is written to stdin only once that prompt appears: the
// parameters the tool reads first through a buffered FILE cannot swallow it. The PIN goes
// nowhere else, and the copy written is wiped. Like every root tool (ADR 062) it runs under
// `setpriv --pdeathsig KILL` where that exists, and dies with the helper.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { trackGroup, untrackGroup } from '../exec/children';
import { fido2Error } from './fido2-error';

export interface ToolResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunToolOptions {
  readonly input: string;
  readonly pin?: Uint8Array;
  readonly timeoutMs: number;
  /** The tool's whole environment (a clean one: PATH and LC_ALL=C). */
  readonly env: Readonly<Record<string, string>>;
  /** The path of `setpriv`, to run the tool with a parent-death signal; null without. */
  readonly setpriv?: string | null;
  /** The tool has read its input and is waiting for the key (a touch, usually). */
  readonly onWaiting?: () => void;
}

const OUTPUT_LIMIT = 64 * 1024;
const PIN_PROMPT = /Enter PIN for /;

export function runFido2Tool(command: string, args: readonly string[], options: RunToolOptions): Promise<ToolResult> {
  return new Promise<ToolResult>((resolve, reject) => {
    const [program, argv] = options.setpriv ? [options.setpriv, ['--pdeathsig', 'KILL', '--', command, ...args]] : [command, [...args]];
    const child = spawn(program, argv, { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env: { ...options.env } });
    const pid = child.pid;
    if (pid !== undefined) trackGroup(pid);
    let stdout = '';
    let stderr = '';
    let pinSent = false;
    let settled = false;
    const stop = () => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL'); // the whole session the tool started
        } catch {
          child.kill('SIGKILL');
        }
      }
    };
    const done = (error: Error | null, result?: ToolResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        stop();
        reject(error);
      } else resolve(result!);
    };
    const timer = setTimeout(
      () => done(fido2Error('fido2-timeout', 'the security key did not answer in time (was it touched?)')),
      options.timeoutMs,
    );

    child.once('error', (e: NodeJS.ErrnoException) => {
      done(
        e.code === 'ENOENT' || e.code === 'EACCES'
          ? fido2Error('fido2-tools-missing', `${path.basename(command)} is not installed (Debian package fido2-tools)`)
          : fido2Error('fido2-failed', `could not run ${path.basename(command)}`),
      );
    });
    child.stdin.on('error', () => {}); // the tool may exit before reading everything
    child.stdout.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
      if (!pinSent && PIN_PROMPT.test(stderr)) {
        pinSent = true;
        if (options.pin === undefined) {
          done(fido2Error('fido2-pin-required', 'this security key needs its PIN'));
          return;
        }
        const line = Buffer.concat([options.pin, Buffer.from('\n')]);
        child.stdin.end(line, () => line.fill(0));
        options.onWaiting?.();
      }
    });
    child.once('close', (code) => {
      if (pid !== undefined) untrackGroup(pid);
      done(null, { code, stdout, stderr });
    });
    child.stdin.write(options.input, () => {
      if (options.pin === undefined) options.onWaiting?.();
    });
  });
}
