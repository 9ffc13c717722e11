// The install as the renderer sees it, and the pure reduction of install events into it:
// step states, a weighted fraction, when the host was last heard from, the failure, the log.
import type { InstallEvent } from '../../shared/ipc/contract';
import { STEP_IDS, STEP_WEIGHTS, isFinishedState, type StepId, type StepState } from '../../shared/plan/steps';
import type { Progress, Receipt, Result, StepStatus } from '../../shared/protocol/messages';

export type InstallPhase = 'idle' | 'starting' | 'running' | 'failed' | 'done';

export interface StepProgress {
  readonly id: StepId;
  readonly state: StepState;
  /** Why a step was skipped (`sandbox`), when it was. */
  readonly reason: string | null;
  readonly elapsedMs: number | null;
  /** The host's estimate of the step's duration, when it sent one. */
  readonly expectedMs: number | null;
}

export interface InstallFailure {
  /** `start`: install.start/retry/attach answered an error; `step`: a step failed in `result`. */
  readonly source: 'start' | 'step';
  /** An IPC, protocol or step failure code: the UI localizes by it. */
  readonly code: string;
  readonly step: StepId | null;
  /** English, from the host or main: for the log only. */
  readonly message: string;
  readonly retryable: boolean;
  readonly details: readonly { readonly path: string; readonly problem: string }[];
}

export interface LogLine {
  readonly at: number;
  readonly text: string;
}

export interface InstallState {
  /** Made once per installation attempt and kept (persisted) until it succeeds. */
  readonly installId: string | null;
  readonly planId: string | null;
  readonly phase: InstallPhase;
  readonly steps: readonly StepProgress[];
  readonly startedAt: number | null;
  readonly lastHeardAt: number | null;
  readonly connection: 'ok' | 'lost';
  readonly failure: InstallFailure | null;
  readonly receipt: Receipt | null;
  readonly log: readonly LogLine[];
}

export const LOG_LIMIT = 1000;

export const initialInstall: InstallState = {
  installId: null,
  planId: null,
  phase: 'idle',
  steps: [],
  startedAt: null,
  lastHeardAt: null,
  connection: 'ok',
  failure: null,
  receipt: null,
  log: [],
};

/** Step list in protocol order from what the host reported, each with a state. */
export function stepsFromStatus(status: readonly StepStatus[]): StepProgress[] {
  const byId = new Map(status.map((s) => [s.id, s]));
  const ids = status.length > 0 ? STEP_IDS.filter((id) => byId.has(id)) : [...STEP_IDS];
  return ids.map((id) => {
    const s = byId.get(id);
    return { id, state: s?.state ?? 'pending', reason: s?.reason ?? null, elapsedMs: null, expectedMs: s?.expectedMs ?? null };
  });
}

export function appendLog(install: InstallState, at: number, text: string): InstallState {
  const log = install.log.length >= LOG_LIMIT ? install.log.slice(-(LOG_LIMIT - 1)) : install.log;
  return { ...install, log: [...log, { at, text }] };
}

function applyProgress(install: InstallState, p: Progress, now: number): InstallState {
  const known = install.steps.some((s) => s.id === p.step);
  const base = known
    ? install.steps
    : stepsFromStatus([
        ...install.steps.map((s) => ({ id: s.id, state: s.state, ...(s.expectedMs !== null ? { expectedMs: s.expectedMs } : {}) })),
        { id: p.step },
      ]);
  const steps = base.map((s) =>
    s.id === p.step
      ? { ...s, state: p.state, reason: p.reason ?? s.reason, elapsedMs: p.elapsedMs, expectedMs: p.expectedMs ?? s.expectedMs }
      : s,
  );
  const previous = install.steps.find((s) => s.id === p.step)?.state;
  const next = { ...install, steps, lastHeardAt: now, connection: 'ok' as const };
  // Heartbeats repeat `running` every 2 s: log state changes only.
  if (previous === p.state) return next;
  const reason = p.reason ? ` (${p.reason})` : '';
  return appendLog(next, now, `step ${p.index}/${p.total} ${p.step}: ${p.state}${reason}`);
}

function applyResult(install: InstallState, r: Result, now: number): InstallState {
  const heard = { ...install, lastHeardAt: now, connection: 'ok' as const };
  if (r.ok) {
    const steps = install.steps.map((s) => (isFinishedState(s.state) ? s : { ...s, state: 'done' as const }));
    return appendLog(
      { ...heard, phase: 'done', steps, receipt: r.receipt, failure: null },
      now,
      `result: ok, completed ${r.receipt.completedAt}`,
    );
  }
  const steps = install.steps.map((s) => (s.id === r.step ? { ...s, state: 'failed' as const } : s));
  const failure: InstallFailure = { source: 'step', code: r.code, step: r.step, message: r.message, retryable: r.retryable, details: [] };
  return appendLog({ ...heard, phase: 'failed', steps, failure }, now, `result: failed at ${r.step}: ${r.code}: ${r.message}`);
}

/** Folds one install event into the install state; events of another plan are ignored. */
export function reduceInstallEvent(install: InstallState, event: InstallEvent, now: number): InstallState {
  switch (event.kind) {
    case 'progress':
      if (event.progress.planId !== install.planId) return install;
      return applyProgress(install, event.progress, now);
    case 'result':
      if (event.result.planId !== install.planId) return install;
      return applyResult(install, event.result, now);
    case 'connection':
      if (event.state === 'gave-up') {
        if (install.phase !== 'running' && install.phase !== 'starting') return install;
        // Main stopped trying: a failure whose Retry attaches again (the plan may well go on).
        const failure: InstallFailure = {
          source: 'start',
          code: 'helper-unreachable',
          step: null,
          message: 'the host stopped answering',
          retryable: true,
          details: [],
        };
        return appendLog({ ...install, phase: 'failed', connection: 'ok', failure }, now, 'connection to the host given up');
      }
      if (event.state === install.connection || (event.state === 'restored' && install.connection === 'ok')) return install;
      return appendLog({ ...install, connection: event.state === 'lost' ? 'lost' : 'ok' }, now, `connection to the host ${event.state}`);
    case 'fido2':
      return install; // the security key's prompts are the encryption page's (actions/fido2.ts)
  }
}

/** How far a running step is, from its time against its estimate: never quite done until it is. */
export function withinStep(elapsedMs: number, expectedMs: number): number {
  if (expectedMs <= 0) return 0;
  const share = elapsedMs / expectedMs;
  // Up to 90 % on schedule; past the estimate it creeps towards 99 % rather than stopping.
  return share <= 1 ? 0.9 * share : 0.99 - 0.09 * Math.exp(1 - share);
}

/**
 * Share of the work done (skipped steps count as done), and of the running step by its time
 * against the host's estimate. Weights are the host's estimates when it sent them for every
 * step, else the fixed STEP_WEIGHTS.
 */
export function weightedFraction(steps: readonly StepProgress[]): number {
  const estimated = steps.length > 0 && steps.every((s) => s.expectedMs !== null);
  const weight = (s: StepProgress) => (estimated ? Math.max(1, s.expectedMs!) : STEP_WEIGHTS[s.id]);
  const total = steps.reduce((n, s) => n + weight(s), 0);
  if (total === 0) return 0;
  const done = steps.reduce((n, s) => {
    if (isFinishedState(s.state)) return n + weight(s);
    if (s.state === 'running' && s.expectedMs !== null && s.elapsedMs !== null)
      return n + weight(s) * withinStep(s.elapsedMs, s.expectedMs);
    return n;
  }, 0);
  return done / total;
}

export function runningStep(steps: readonly StepProgress[]): StepProgress | null {
  return steps.find((s) => s.state === 'running') ?? null;
}

/**
 * A plan the host stopped in the middle of (its process died, and the plan's secrets with it)
 * cannot be retried; the way on is a new plan of the same installation, which the host formats
 * again from the start (docs/protocol.md §6.7).
 */
export function startsOver(failure: InstallFailure | null): boolean {
  return failure?.source === 'step' && failure.code === 'interrupted';
}

/**
 * Whether the host may have written to the user-data target. Going back to change choices is
 * safe only when it has not: the plan was never accepted, or no step got under way (a step
 * refused with `target-in-use` wrote nothing).
 */
export function anythingWritten(install: InstallState): boolean {
  if (install.planId === null) return false;
  return install.steps.some(
    (s) => s.state === 'done' || s.state === 'running' || (s.state === 'failed' && install.failure?.code !== 'target-in-use'),
  );
}
