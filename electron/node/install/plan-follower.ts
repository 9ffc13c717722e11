// Follows a plan after the helper accepted it: turns its progress and result frames into
// install events, and when the connection drops before the result, emits `lost`, keeps trying
// to `attach` with backoff for a long while (a helper restart takes seconds), and emits
// `restored` once it is attached again (docs/protocol.md §4.6).
import type { InstallEvent } from '../../../shared/ipc/contract';
import type { HelperMessage } from '../../../shared/protocol/messages';
import type { Clock } from '../clock';
import type { FrameConnection } from '../helper/frame-connection';
import { openHelperSession, request, type HelperTimeouts, type StartAnswer } from '../helper/helper-client';
import { isIpcFailure } from '../ipc-error';
import { describeError, type Logger } from '../log';
import type { Transport } from '../transport/transport';

export interface ReattachPolicy {
  /** Give up attaching again after this long without a connection. */
  readonly windowMs: number;
  /** Waits before each attempt; the last one repeats. */
  readonly delaysMs: readonly number[];
  /** No frame for this long while following counts as a dropped connection. */
  readonly stallMs: number;
}

export const DEFAULT_REATTACH: ReattachPolicy = {
  windowMs: 15 * 60_000,
  delaysMs: [250, 500, 1000, 2000],
  // The helper repeats `running` at least every 2 s (docs/protocol.md §4.5).
  stallMs: 20_000,
};

/** Helper answers to `attach` after which trying again cannot help. */
const FINAL_ATTACH_ERRORS = new Set(['unknown-plan', 'bad-frame', 'unknown-type']);

export interface FollowerDeps {
  readonly transport: Transport;
  readonly clock: Clock;
  readonly timeouts: HelperTimeouts;
  readonly policy: ReattachPolicy;
  readonly emit: (event: InstallEvent) => void;
  readonly log: Logger;
}

type Outcome = 'result' | 'lost' | 'lost-quietly' | 'stopped';

export class PlanFollower {
  private stopped = false;
  private connection: FrameConnection | null = null;

  constructor(
    private readonly deps: FollowerDeps,
    readonly planId: string,
  ) {}

  /** Runs until the result arrives, attaching again is given up, or stop(). */
  async run(connection: FrameConnection, first?: StartAnswer): Promise<void> {
    if (this.stopped) return connection.close();
    this.connection = connection;
    if (first && this.handle(first) === 'result') return this.closeConnection();
    for (;;) {
      const outcome = await this.pump();
      if (outcome === 'result' || outcome === 'stopped') return;
      const quiet = outcome === 'lost-quietly';
      if (!quiet) this.deps.emit({ kind: 'connection', state: 'lost' });
      const next = await this.reattach(quiet);
      if (!next) {
        // Say so rather than leave the wizard "reconnecting" for ever; it can ask to attach again.
        if (!this.stopped) this.deps.emit({ kind: 'connection', state: 'gave-up' });
        return;
      }
      if (!quiet || next.announcedLost) this.deps.emit({ kind: 'connection', state: 'restored' });
      this.connection = next.connection;
      if (this.handle(next.first) === 'result') return this.closeConnection();
    }
  }

  stop(): void {
    this.stopped = true;
    this.closeConnection();
  }

  private closeConnection(): void {
    this.connection?.close();
    this.connection = null;
  }

  /** Reads frames until the result, a drop, or stop(). */
  private async pump(): Promise<Outcome> {
    const connection = this.connection;
    if (!connection) return 'lost';
    for (;;) {
      let message: HelperMessage;
      try {
        message = await connection.next(this.deps.policy.stallMs);
      } catch {
        connection.close();
        return this.stopped ? 'stopped' : 'lost';
      }
      if (this.stopped) return 'stopped';
      if (message.type === 'error') {
        connection.close();
        this.deps.log('install.connection-error', { code: message.code });
        // The helper may recycle a connection that only listens; attach again before alarming anyone.
        return message.code === 'timeout' ? 'lost-quietly' : 'lost';
      }
      if (this.handle(message) === 'result') {
        connection.close();
        return 'result';
      }
    }
  }

  private handle(message: HelperMessage): 'result' | 'more' {
    if (!('planId' in message) || message.planId !== this.planId) return 'more';
    if (message.type === 'progress') this.deps.emit({ kind: 'progress', progress: message });
    if (message.type === 'result') {
      this.deps.emit({ kind: 'result', result: message });
      return 'result';
    }
    return 'more';
  }

  /**
   * Attaches again. `quiet`: the helper closed a healthy connection, so try at once and say
   * `lost` only if that first attempt fails.
   */
  private async reattach(quiet: boolean): Promise<{ connection: FrameConnection; first: StartAnswer; announcedLost: boolean } | null> {
    const { clock, policy } = this.deps;
    const deadline = clock.now().getTime() + policy.windowMs;
    let announcedLost = false;
    for (let attempt = 0; !this.stopped; attempt++) {
      const delay = quiet && attempt === 0 ? 0 : (policy.delaysMs[Math.min(attempt, policy.delaysMs.length - 1)] ?? 1000);
      await clock.sleep(delay);
      if (this.stopped) return null;
      try {
        const session = await openHelperSession(this.deps.transport, this.deps.timeouts);
        const first = await request(session, { type: 'attach', planId: this.planId }, this.deps.timeouts);
        if (this.stopped) {
          session.connection.close();
          return null;
        }
        this.deps.log('install.reattached', { attempts: attempt + 1 });
        return { connection: session.connection, first, announcedLost };
      } catch (e) {
        if (quiet && !announcedLost) {
          announcedLost = true;
          this.deps.emit({ kind: 'connection', state: 'lost' });
        }
        if (isIpcFailure(e) && FINAL_ATTACH_ERRORS.has(e.code)) {
          this.deps.log('install.reattach-refused', { code: e.code });
          return null;
        }
        this.deps.log('install.reattach-failed', {
          attempt: attempt + 1,
          ...describeError(e),
          ...(isIpcFailure(e) ? { code: e.code } : {}),
        });
      }
      if (clock.now().getTime() >= deadline) {
        this.deps.log('install.reattach-gave-up', { attempts: attempt + 1 });
        return null;
      }
    }
    return null;
  }
}
