// The one way the helper runs external tools (cryptsetup, blkid, mkfs.btrfs, mount-userdata,
// vm-import). Secrets travel on stdin, never in argv, so they never show in /proc/<pid>/cmdline
// or in a log line that quotes the command. Tools are named and found in the tool path
// (tool-path.ts); each runs in its own process group and dies with the helper (children.ts).
import { spawn } from 'node:child_process';
import { killGroup, trackGroup, untrackGroup } from './children';
import { ToolPath } from './tool-path';

export interface CommandSpec {
  /** A tool's name (`cryptsetup`), looked up in the helper's tool path. */
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
  constructor(private readonly tools: ToolPath = new ToolPath()) {}

  /** The program and arguments that run `spec`: under `setpriv --pdeathsig KILL` where it exists. */
  private commandLine(spec: CommandSpec): [string, string[]] | null {
    const tool = this.tools.resolve(spec.command);
    if (!tool) return null;
    const setpriv = this.tools.resolve('setpriv');
    return setpriv ? [setpriv, ['--pdeathsig', 'KILL', '--', tool, ...spec.args]] : [tool, [...spec.args]];
  }

  run(spec: CommandSpec): Promise<CommandResult> {
    const started = Date.now();
    const line = this.commandLine(spec);
    if (!line) return Promise.reject(new CommandNotFoundError(spec.command));
    return new Promise((resolve, reject) => {
      const child = spawn(line[0], line[1], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...spec.env, PATH: this.tools.envPath, LC_ALL: 'C' },
        // Its own process group: killing the group also ends what the tool started.
        detached: true,
      });
      const pid = child.pid;
      if (pid !== undefined) trackGroup(pid);
      const out = collect(OUTPUT_LIMIT);
      const err = collect(OUTPUT_LIMIT);
      let settled = false;
      const timer = setTimeout(() => (pid === undefined ? child.kill('SIGKILL') : killGroup(pid)), spec.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (pid !== undefined) untrackGroup(pid);
        if (settled) return;
        settled = true;
        reject(e.code === 'ENOENT' ? new CommandNotFoundError(spec.command) : e);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (pid !== undefined) untrackGroup(pid);
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
