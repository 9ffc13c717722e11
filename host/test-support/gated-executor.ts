// Runs the helper's tools for real, counts how often each is asked for, and can hold a tool at
// its start until the test lets it go: to see what the helper runs, and to keep a probe of the
// target in progress for as long as a test needs.
import { ProcessExecutor, type CommandResult, type CommandSpec, type Executor } from '../exec/executor';

export class GatedExecutor implements Executor {
  private readonly calls = new Map<string, number>();
  private readonly gates = new Map<string, { readonly open: Promise<void>; readonly release: () => void }>();

  constructor(private readonly inner: Executor = new ProcessExecutor()) {}

  /** How many times `tool` has been asked for so far (held runs included). */
  count(tool: string): number {
    return this.calls.get(tool) ?? 0;
  }

  /** Runs of `tool` from now on wait until `release(tool)`. */
  hold(tool: string): void {
    if (this.gates.has(tool)) return;
    let release!: () => void;
    const open = new Promise<void>((resolve) => (release = resolve));
    this.gates.set(tool, { open, release });
  }

  release(tool: string): void {
    this.gates.get(tool)?.release();
    this.gates.delete(tool);
  }

  /** Lets every held tool go. */
  releaseAll(): void {
    for (const tool of [...this.gates.keys()]) this.release(tool);
  }

  async run(spec: CommandSpec): Promise<CommandResult> {
    this.calls.set(spec.command, this.count(spec.command) + 1);
    await this.gates.get(spec.command)?.open;
    return this.inner.run(spec);
  }
}

/** Waits (bounded, generously) until `check` holds; false if it never did. */
export async function eventually(check: () => boolean, withinMs = 30_000): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}
