// The one way the helper runs external tools (cryptsetup, blkid, mkfs.btrfs, mount-userdata,
// vm-import). Secrets travel on stdin, never in argv, so they never show in /proc/<pid>/cmdline
// or in a log line that quotes the command.
import { spawn } from 'node:child_process';

export interface CommandSpec {
  readonly command: string;
  readonly args: readonly string[];
  /** Written to the command's stdin, which is then closed. */
  readonly stdin?: Uint8Array;
  readonly timeoutMs?: number;
  /** Variables added to the clean environment (PATH and LC_ALL=C). */
  readonly env?: Readonly<Record<string, string>>;
  /** Keep stdout as bytes too (`stdoutBytes`), for tools that print binary data (a key file). */
  readonly binaryStdout?: boolean;
}

export interface CommandResult {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  /** stdout as bytes, when the spec asked for `binaryStdout`; the caller wipes it. */
  readonly stdoutBytes?: Buffer;
}

export interface Executor {
  /** Runs a command to its end. Rejects only when it cannot be started (e.g. not installed). */
  run(spec: CommandSpec): Promise<CommandResult>;
}

export class CommandNotFoundError extends Error {
  constructor(readonly command: string) {
    super(`${command} is not installed`);
  }
}

const OUTPUT_LIMIT = 8 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15 * 60 * 1000;

function collect(limit: number): { push(chunk: Buffer): void; text(): string; bytes(): Buffer; wipe(): void } {
  const parts: Buffer[] = [];
  let size = 0;
  return {
    push(chunk) {
      if (size >= limit) return;
      parts.push(chunk.subarray(0, limit - size));
      size += Math.min(chunk.length, limit - size);
    },
    text: () => Buffer.concat(parts).toString('utf8'),
    bytes: () => Buffer.concat(parts),
    wipe: () => {
      for (const p of parts) p.fill(0);
    },
  };
}

export class ProcessExecutor implements Executor {
  run(spec: CommandSpec): Promise<CommandResult> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const child = spawn(spec.command, [...spec.args], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...spec.env, PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' },
      });
      const out = collect(OUTPUT_LIMIT);
      const err = collect(OUTPUT_LIMIT);
      let settled = false;
      const timer = setTimeout(() => child.kill('SIGKILL'), spec.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        reject(e.code === 'ENOENT' ? new CommandNotFoundError(spec.command) : e);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        if (spec.binaryStdout) {
          const stdoutBytes = out.bytes();
          out.wipe();
          resolve({ exitCode: code, signal, stdout: '', stderr: err.text(), durationMs: Date.now() - started, stdoutBytes });
          return;
        }
        resolve({ exitCode: code, signal, stdout: out.text(), stderr: err.text(), durationMs: Date.now() - started });
      });
      // The child may exit without reading its input; that is its answer, not our crash.
      child.stdin.on('error', () => undefined);
      if (!spec.stdin) {
        child.stdin.end();
      } else {
        const copy = Buffer.from(spec.stdin);
        child.stdin.end(copy, () => copy.fill(0)); // best effort: do not leave a secret in a buffer
      }
    });
  }
}
