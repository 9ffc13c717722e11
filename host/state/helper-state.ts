// `hello.state`: from this helper's own knowledge (its plan, its journal), else from the target's
// LUKS2 header (a spectrum-firstboot token with or without completedAt), else `fresh`.
import type { HelperState } from '../../shared/protocol/messages';
import type { PlanRunner } from '../apply/plan-runner';
import type { Executor } from '../exec/executor';
import { completedToken, unfinishedToken } from '../target/judge-target';
import { probeTarget } from '../target/probe-target';

export async function helperState(runner: PlanRunner, target: string, exec: Executor): Promise<HelperState> {
  const own = runner.state();
  if (own) return own;
  let probe;
  try {
    probe = await probeTarget(target, exec);
  } catch {
    return { phase: 'fresh' };
  }
  const done = completedToken(probe);
  if (done) return { phase: 'provisioned', planId: done.planId, steps: [] };
  const unfinished = unfinishedToken(probe);
  if (unfinished) return { phase: 'failed', planId: unfinished.planId, steps: [] };
  return { phase: 'fresh' };
}
