// Sandbox-only switches: fault injection (a named step fails its next N runs) and a slow-step
// delay (a step sleeps N ms, heartbeats continuing). Refused outside the sandbox.
import type { StepId } from '../../shared/plan/steps';

export interface FaultSpec {
  readonly step: StepId;
  readonly count: number;
}

export interface SlowSpec {
  readonly step: StepId;
  readonly ms: number;
}

export class TestSwitches {
  private readonly faultsLeft = new Map<StepId, number>();
  private readonly delays = new Map<StepId, number>();

  constructor(faults: readonly FaultSpec[] = [], slow: readonly SlowSpec[] = []) {
    for (const f of faults) this.faultsLeft.set(f.step, (this.faultsLeft.get(f.step) ?? 0) + f.count);
    for (const s of slow) this.delays.set(s.step, s.ms);
  }

  /** Whether this run of `step` is to fail; counts the run down. */
  takeFault(step: StepId): boolean {
    const left = this.faultsLeft.get(step) ?? 0;
    if (left <= 0) return false;
    this.faultsLeft.set(step, left - 1);
    return true;
  }

  delayFor(step: StepId): number {
    return this.delays.get(step) ?? 0;
  }

  get empty(): boolean {
    return this.faultsLeft.size === 0 && this.delays.size === 0;
  }
}
