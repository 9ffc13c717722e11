// Child processes of the benchmark (helpers, the preview server, the echo server), each in its
// own process group so that stopping one also stops what it started (a helper's cryptsetup).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const live = new Set<ChildProcess>();
// Whatever happens to the benchmark, its children do not outlive it.
process.once('exit', () => {
  for (const c of live) killGroup(c);
});

export interface Child {
  readonly process: ChildProcess;
  readonly pid: number;
  readonly ready: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/** Starts `node script ...args` and waits for its one-line JSON `{"event":"ready",…}`. */
export function startNode(script: string, args: readonly string[], name: string, timeoutMs = 30_000): Promise<Child> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const stop = () => stopGroup(child);
  return new Promise<Child>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} did not become ready within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready\n${stderr}`));
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
      child.stdout!.resume();
      resolve({ process: child, pid: child.pid!, ready: msg as Record<string, string>, stop });
    });
  });
}

/** SIGKILL to the child's whole process group, then waits for the child to be gone. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const gone = child.exitCode !== null || child.signalCode !== null;
  if (gone) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  killGroup(child);
  await exited;
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}
