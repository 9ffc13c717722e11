// Applies one verified plan, step by step, independently of any connection. Each state change
// goes to the journal first, then to whoever follows the plan (`progress`, then one `result`).
// A failed plan keeps its secrets for `retry` when the failure is retryable, for one retry
// window (docs/protocol.md §6.6); they are dropped when the plan ends or the window does.
import type { Catalog } from '../../shared/plan/catalog';
import type { StepId } from '../../shared/plan/steps';
import { isFinishedState } from '../../shared/plan/steps';
import type { HelperState, Progress, Receipt, Result, StepStatus } from '../../shared/protocol/messages';
import type { Executor } from '../exec/executor';
import { Cryptsetup, type KdfArgs } from '../luks/cryptsetup';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redactor';
import type { InstallationRecord } from '../target/judge-target';
import type { HeldSecrets } from './held-secrets';
import type { Failure, Journal, JournalStore } from './journal';
import { describeFailure } from './step-failure';
import type { HostEnvironment, StepContext, StepDefinition, StepFacts, StepOutcome, VerifiedPlan } from './step-types';
import { StepError } from './step-types';
import type { TestSwitches } from './test-switches';
import { derivationMsOf, expectedMs, measuredDerivationMs } from './step-estimates';
import type { RemovableDrives } from '../usb/removable-drives';

export type RunnerFrame = Progress | Result;
export type RunnerListener = (frame: RunnerFrame) => void;

export interface RunnerDeps {
  readonly journal: JournalStore;
  readonly steps: readonly StepDefinition[];
  readonly env: HostEnvironment;
  readonly exec: Executor;
  readonly passphraseKdf: KdfArgs;
  readonly catalog: Catalog;
  readonly log: Logger;
  readonly now: () => number;
  readonly switches: TestSwitches;
  readonly heartbeatMs: number;
  /** How long a retryable failure keeps the secrets for `retry`. */
  readonly retryWindowMs: number;
  readonly redactor: Redactor;
  readonly helperVersion: string;
  readonly drives: RemovableDrives;
}

interface ActivePlan {
  readonly plan: VerifiedPlan;
  readonly secrets: HeldSecrets;
  readonly steps: StepStatus[];
  readonly facts: StepFacts;
  phase: 'applying' | 'failed' | 'provisioned';
  failure?: Failure;
  receipt?: Receipt;
  readonly listeners: Set<RunnerListener>;
  forgetSecrets: () => void;
  /** After a retryable failure: the helper-clock time until which `retry` may use the secrets. */
  retryUntil?: number;
  retryTimer?: NodeJS.Timeout;
}

export interface PlanView {
  readonly planId: string;
  readonly steps: StepStatus[];
  /** Present when the plan has ended. */
  readonly result?: Result;
}

export type RetryAnswer =
  { readonly kind: 'resumed'; readonly view: PlanView } | { readonly kind: 'busy' | 'provisioned' | 'not-retryable' | 'unknown' };

const copySteps = (steps: readonly StepStatus[]): StepStatus[] => steps.map((s) => ({ ...s }));

function resultOf(planId: string, phase: Journal['phase'], failure: Failure | undefined, receipt: Receipt | undefined): Result | undefined {
  if (phase === 'provisioned' && receipt) return { type: 'result', planId, ok: true, receipt };
  if (phase === 'failed' && failure) return { type: 'result', planId, ok: false, ...failure };
  return undefined;
}

export class PlanRunner {
  private current: ActivePlan | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly deps: RunnerDeps,
    /** The journal found at start-up (already marked interrupted if need be). */
    private lastJournal: Journal | null,
  ) {}

  get running(): boolean {
    return this.loop !== null;
  }

  /** Whether this machine is provisioned as far as this helper knows (its journal). */
  get provisioned(): boolean {
    return (this.current?.phase ?? this.lastJournal?.phase) === 'provisioned';
  }

  /** `hello.state` from what this helper knows; null when it knows of no plan. */
  state(): HelperState | null {
    if (this.current) return { phase: this.current.phase, planId: this.current.plan.planId, steps: copySteps(this.current.steps) };
    if (this.lastJournal)
      return { phase: this.lastJournal.phase, planId: this.lastJournal.planId, steps: copySteps(this.lastJournal.steps) };
    return null;
  }

  /**
   * What this helper's records say about an installation: from the plan it holds, else from the
   * journal it found, when either is that installation's. Null when it has none.
   */
  installationRecord(installId: string): InstallationRecord | null {
    const own = this.current
      ? { installId: this.current.plan.payload.installId, steps: this.current.steps, facts: this.current.facts }
      : this.lastJournal;
    if (!own || own.installId !== installId) return null;
    const format = own.steps.find((s) => s.id === 'userdata-format');
    return {
      ...(own.facts.luksUuid ? { luksUuid: own.facts.luksUuid } : {}),
      formatRan: format?.state !== undefined && format.state !== 'pending',
    };
  }

  /** Starts a new plan (verification is done; the caller checked `running`). */
  start(plan: VerifiedPlan, secrets: HeldSecrets, listener: RunnerListener): PlanView {
    if (this.loop) throw new Error('a plan is already running');
    // A new plan of the same installation carries on its record of the header it formatted, so
    // that its own format step (and a crash before that) still knows that header as ours.
    const before = this.installationRecord(plan.payload.installId);
    this.dropSecrets(this.current, 'replaced');
    const active: ActivePlan = {
      plan,
      secrets,
      steps: this.deps.steps.map((s) => ({
        id: s.id,
        state: 'pending',
        expectedMs: expectedMs(s.id, plan.payload, derivationMsOf(this.deps.passphraseKdf)),
      })),
      facts: before?.luksUuid ? { luksUuid: before.luksUuid } : {},
      phase: 'applying',
      listeners: new Set([listener]),
      forgetSecrets: this.deps.redactor.register(() => secrets.all()),
    };
    this.current = active;
    this.saveJournal(active);
    this.deps.log.info('plan-accepted', {
      planId: plan.planId,
      keyId: plan.keyId,
      profile: plan.payload.profile,
      method: plan.payload.encryption.method,
    });
    const view = { planId: plan.planId, steps: copySteps(active.steps) };
    this.launch(active);
    return view;
  }

  /** Follows a plan: its steps now, then (while it runs) its frames. Null for an unknown plan. */
  attach(planId: string, listener: RunnerListener): PlanView | null {
    const a = this.current;
    if (a && a.plan.planId === planId) {
      const result = resultOf(planId, a.phase, a.failure, a.receipt);
      if (!result) a.listeners.add(listener);
      return { planId, steps: copySteps(a.steps), ...(result ? { result } : {}) };
    }
    const j = this.lastJournal;
    if (j && j.planId === planId) {
      const result = resultOf(planId, j.phase, j.failure, j.receipt);
      return { planId, steps: copySteps(j.steps), ...(result ? { result } : {}) };
    }
    return null;
  }

  retry(planId: string, listener: RunnerListener): RetryAnswer {
    const a = this.current;
    if (!a || a.plan.planId !== planId) {
      if (this.lastJournal?.planId === planId) return { kind: this.lastJournal.phase === 'provisioned' ? 'provisioned' : 'not-retryable' };
      return { kind: 'unknown' };
    }
    if (this.loop) return { kind: 'busy' };
    if (a.phase === 'provisioned') return { kind: 'provisioned' };
    if (a.retryUntil !== undefined && this.deps.now() > a.retryUntil) this.dropSecrets(a, 'retry-window-ended');
    if (!a.failure?.retryable || a.secrets.dropped) return { kind: 'not-retryable' };
    a.listeners.add(listener);
    this.deps.log.info('plan-retry', { planId, step: a.failure.step });
    const view = { planId, steps: copySteps(a.steps) };
    this.launch(a);
    return { kind: 'resumed', view };
  }

  unsubscribe(listener: RunnerListener): void {
    this.current?.listeners.delete(listener);
  }

  /** Stops after the step that runs now (sleeps of the slow-step switch end at once); drops the secrets. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    await this.loop;
    this.dropSecrets(this.current, 'helper-stopped');
  }

  private launch(active: ActivePlan): void {
    active.phase = 'applying';
    delete active.failure;
    this.endRetryWindow(active);
    // The first step starts on the event loop's next turn: `accepted` (the plan is journaled
    // already) reaches the wizard before the step's own journal write and its first command.
    const nextTurn = new Promise<void>((resolve) => setImmediate(resolve));
    this.loop = nextTurn
      .then(() => this.runSteps(active))
      .finally(() => {
        this.loop = null;
      });
  }

  private async runSteps(active: ActivePlan): Promise<void> {
    for (let i = 0; i < active.steps.length; i++) {
      if (isFinishedState(active.steps[i]!.state ?? 'pending')) continue;
      if (this.stopping) return;
      const ok = await this.runStep(active, i);
      if (!ok) return;
    }
    active.phase = 'provisioned';
    if (!this.trySave(active)) return;
    this.deps.log.info('plan-provisioned', { planId: active.plan.planId });
    this.emit(active, resultOf(active.plan.planId, 'provisioned', undefined, active.receipt)!);
    this.dropSecrets(active, 'provisioned');
  }

  /** Runs step `i`; false when the plan stopped there. */
  private async runStep(active: ActivePlan, i: number): Promise<boolean> {
    const def = this.deps.steps[i]!;
    const status = active.steps[i]!;
    const planId = active.plan.planId;
    const log = this.deps.log.with({ planId, step: def.id });
    const started = this.deps.now();
    const expected = status.expectedMs;
    active.steps[i] = {
      id: def.id,
      state: 'running',
      startedAt: new Date(started).toISOString(),
      ...(expected !== undefined ? { expectedMs: expected } : {}),
    };
    if (!this.trySave(active)) return false;
    const progress = (state: Progress['state'], reason?: string): Progress => ({
      type: 'progress',
      planId,
      step: def.id,
      state,
      index: i + 1,
      total: active.steps.length,
      elapsedMs: Math.max(0, this.deps.now() - started),
      ...(reason ? { reason } : {}),
      ...(state === 'running' && expected !== undefined ? { expectedMs: expected } : {}),
    });
    this.emit(active, progress('running'));
    log.info('step-start', { attempt: status.state === 'failed' ? 'retry' : 'first' });
    const heartbeat = setInterval(() => this.emit(active, progress('running')), this.deps.heartbeatMs);
    let failure: Failure | null = null;
    let outcome: StepOutcome | undefined;
    try {
      outcome = await def.run(this.context(active, log, status.state !== undefined && status.state !== 'pending'));
      const delay = this.deps.switches.delayFor(def.id);
      if (delay > 0) await this.sleep(delay);
      if (this.deps.switches.takeFault(def.id)) throw new StepError('io', `injected fault in ${def.id} (sandbox test switch)`, true);
    } catch (e) {
      failure = describeFailure(def.id, e, this.deps.redactor);
      if (failure.code === 'internal' || !(e instanceof StepError))
        log.error('step-error', { code: failure.code, problem: this.deps.redactor.redact(String((e as Error)?.stack ?? e)) });
    } finally {
      clearInterval(heartbeat);
    }
    // Stopped mid-step: leave the journal saying `running`; the next start marks it interrupted.
    if (this.stopping) return false;
    const endedAt = new Date(this.deps.now()).toISOString();
    const ms = this.deps.now() - started;
    if (failure) {
      active.steps[i] = { ...active.steps[i]!, state: 'failed', endedAt };
      active.phase = 'failed';
      active.failure = failure;
      this.trySave(active);
      log.warn('step-failed', { code: failure.code, retryable: failure.retryable, ms, problem: failure.message });
      this.emit(active, progress('failed'));
      this.emit(active, resultOf(planId, 'failed', failure, undefined)!);
      if (failure.retryable) this.holdForRetry(active);
      else this.dropSecrets(active, 'not-retryable');
      return false;
    }
    const reason = outcome!.state === 'skipped' ? outcome!.reason : undefined;
    active.steps[i] = { ...active.steps[i]!, state: outcome!.state, endedAt, ...(reason ? { reason } : {}) };
    if (outcome!.state === 'done' && outcome!.receipt) active.receipt = outcome!.receipt;
    if (def.id === 'userdata-format' && outcome!.state === 'done') this.refineEstimates(active, ms);
    if (!this.trySave(active)) return false;
    log.info('step-end', { state: outcome!.state, reason, ms });
    this.emit(active, progress(outcome!.state, reason));
    return true;
  }

  /** luksFormat showed what a derivation costs here: the steps still to come are estimated anew. */
  private refineEstimates(active: ActivePlan, formatMs: number): void {
    const derivation = measuredDerivationMs(formatMs, active.plan.payload);
    if (derivation === null) return;
    active.steps.forEach((s, j) => {
      if (s.state === 'pending' || s.state === 'failed')
        active.steps[j] = { ...s, expectedMs: expectedMs(s.id, active.plan.payload, derivation) };
    });
  }

  private context(active: ActivePlan, log: Logger, ranBefore: boolean): StepContext {
    return {
      plan: active.plan,
      secrets: active.secrets,
      env: this.deps.env,
      exec: this.deps.exec,
      cryptsetup: new Cryptsetup(this.deps.exec, this.deps.env.target),
      passphraseKdf: this.deps.passphraseKdf,
      catalog: this.deps.catalog,
      facts: active.facts,
      ranBefore,
      log,
      now: this.deps.now,
      helperVersion: this.deps.helperVersion,
      drives: this.deps.drives,
      statuses: () => copySteps(active.steps),
    };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.abort.signal.aborted) return resolve();
      const t = setTimeout(resolve, ms);
      this.abort.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          resolve();
        },
        { once: true },
      );
    });
  }

  private emit(active: ActivePlan, frame: RunnerFrame): void {
    for (const l of [...active.listeners]) {
      try {
        l(frame);
      } catch {
        // One follower's trouble is not the plan's.
      }
    }
    if (frame.type === 'result') active.listeners.clear();
  }

  /** Writes the journal; on failure the plan stops as failed (it cannot promise crash safety). */
  private trySave(active: ActivePlan): boolean {
    try {
      this.saveJournal(active);
      return true;
    } catch (e) {
      const step = (active.steps.find((s) => s.state === 'running') ?? active.steps[active.steps.length - 1]!).id as StepId;
      this.deps.log.error('journal-write-failed', { planId: active.plan.planId, problem: (e as Error).message });
      active.phase = 'failed';
      active.failure = { step, code: 'io', message: 'the journal in the state folder cannot be written', retryable: true };
      active.steps.forEach((s, i) => {
        if (s.state === 'running') active.steps[i] = { ...s, state: 'failed', endedAt: new Date(this.deps.now()).toISOString() };
      });
      this.emit(active, resultOf(active.plan.planId, 'failed', active.failure, undefined)!);
      this.holdForRetry(active);
      return false;
    }
  }

  private saveJournal(active: ActivePlan): void {
    const journal: Journal = {
      version: 1,
      planId: active.plan.planId,
      installId: active.plan.payload.installId,
      keyId: active.plan.keyId,
      phase: active.phase,
      steps: copySteps(active.steps),
      facts: { ...active.facts },
      ...(active.failure ? { failure: active.failure } : {}),
      ...(active.receipt ? { receipt: active.receipt } : {}),
      updatedAt: new Date(this.deps.now()).toISOString(),
    };
    this.deps.journal.save(journal);
    this.lastJournal = journal;
  }

  /**
   * A retryable failure: the secrets stay for one retry window from now, by the helper's clock
   * (checked when `retry` comes), and a timer drops them when the window ends unused.
   */
  private holdForRetry(active: ActivePlan): void {
    this.endRetryWindow(active);
    active.retryUntil = this.deps.now() + this.deps.retryWindowMs;
    active.retryTimer = setTimeout(() => this.dropSecrets(active, 'retry-window-ended'), this.deps.retryWindowMs);
    active.retryTimer.unref();
  }

  private endRetryWindow(active: ActivePlan): void {
    if (active.retryTimer) clearTimeout(active.retryTimer);
    delete active.retryTimer;
    delete active.retryUntil;
  }

  private dropSecrets(active: ActivePlan | null, reason: string): void {
    if (!active) return;
    this.endRetryWindow(active);
    if (active.secrets.dropped) return;
    active.secrets.drop();
    active.forgetSecrets();
    this.deps.log.info('secrets-dropped', { planId: active.plan.planId, reason });
  }
}
