// `hello.state` (docs/protocol.md §3): this helper's own plan and journal first; else what the
// target's LUKS2 header says (a spectrum-firstboot token with or without completedAt); else
// `fresh`, but only for a target that could be examined and is not in use: a target that is busy
// or cannot be read is `unavailable`, never `fresh`.
//
// Examining the target costs a blkid process and more. The answer is shared by every `hello`
// that asks while it is being worked out, and kept until something can have changed it (the
// target's stamp, target-stamp.ts), so `hello` never waits for a probe of its own, nor behind
// the admission of a plan (docs/decisions/060-hello-and-the-connection-clocks.md).
import type { HelperState } from '../../shared/protocol/messages';
import { completedToken, unfinishedToken } from '../target/judge-target';
import type { TargetProbe } from '../target/probe-target';

export interface StateSources {
  /** The helper's own knowledge (its plan, its journal); null when it knows of no plan. */
  readonly own: () => HelperState | null;
  readonly probe: () => Promise<TargetProbe>;
  /** Changes whenever the target's content can have changed; null when that cannot be told. */
  readonly stamp: () => Promise<string | null>;
}

/** What the target alone says. */
export function stateOfTarget(probe: TargetProbe): HelperState {
  if (probe.signatures.includes('in-use')) return { phase: 'unavailable', reason: 'target-busy' };
  const done = completedToken(probe);
  if (done) return { phase: 'provisioned', planId: done.planId, steps: [] };
  const unfinished = unfinishedToken(probe);
  if (unfinished) return { phase: 'failed', planId: unfinished.planId, steps: [] };
  return { phase: 'fresh' };
}

export class HelloState {
  private kept: { readonly stamp: string; readonly state: HelperState } | null = null;
  private pending: Promise<HelperState> | null = null;
  private lastSeen: readonly string[] = [];

  constructor(private readonly sources: StateSources) {}

  async current(): Promise<HelperState> {
    const own = this.sources.own();
    if (own) return own;
    const fromTarget = await this.fromTarget();
    // A plan admitted while the target was being examined speaks for it now.
    return this.sources.own() ?? fromTarget;
  }

  /** What the target held when it was last examined (none before the first examination). */
  signatures(): readonly string[] {
    return this.lastSeen;
  }

  private async fromTarget(): Promise<HelperState> {
    const stamp = await this.sources.stamp();
    if (stamp !== null && this.kept?.stamp === stamp) return this.kept.state;
    this.pending ??= this.examine(stamp).finally(() => (this.pending = null));
    return this.pending;
  }

  private async examine(stamp: string | null): Promise<HelperState> {
    let probe: TargetProbe;
    try {
      probe = await this.sources.probe();
    } catch {
      return { phase: 'unavailable', reason: 'target-unreadable' };
    }
    this.lastSeen = probe.signatures;
    const state = stateOfTarget(probe);
    // Kept only if nothing wrote the target while it was read, and only while it is usable:
    // a busy target may be released at any moment.
    if (stamp !== null && state.phase !== 'unavailable' && (await this.sources.stamp()) === stamp) this.kept = { stamp, state };
    return state;
  }
}
