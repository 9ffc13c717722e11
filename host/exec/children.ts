// The helper's running tools, each in its own process group, so that none outlives the helper:
// the helper kills them on its way out (a crash by exception ends through 'exit'), and each tool
// is started under `setpriv --pdeathsig KILL`, so the kernel kills it when the helper is killed
// outright (SIGKILL) and runs no exit code at all (docs/decisions/062-root-tools-and-their-lifetime.md).
const groups = new Set<number>();

export function trackGroup(pid: number): void {
  groups.add(pid);
}

export function untrackGroup(pid: number): void {
  groups.delete(pid);
}

/** Kills the process group of a tool (the tool and whatever it started). */
export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Kills every tool still running; synchronous, so it can run in an 'exit' handler. */
export function killAllGroups(): void {
  for (const pid of groups) killGroup(pid);
  groups.clear();
}
