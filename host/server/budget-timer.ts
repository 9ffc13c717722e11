// A time budget that is spent only while it runs: `onSpent` is called once it is used up.
// The connection lifetime (docs/protocol.md §2) runs while a connection does not follow a plan.
import { performance } from 'node:perf_hooks';

export class BudgetTimer {
  private leftMs: number;
  private since: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    budgetMs: number,
    private readonly onSpent: () => void,
  ) {
    this.leftMs = budgetMs;
  }

  run(): void {
    if (this.since !== null) return;
    this.since = performance.now();
    this.timer = setTimeout(() => this.onSpent(), Math.max(0, this.leftMs));
    this.timer.unref();
  }

  pause(): void {
    if (this.since === null) return;
    this.leftMs -= performance.now() - this.since;
    this.since = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
