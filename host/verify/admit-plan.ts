// docs/protocol.md §5.6 and §7: one plan at a time (`busy`), a provisioned machine refuses
// (`already-provisioned`), and "nothing is lost": a target holding anything but an interrupted
// attempt of this installation is refused (`target-in-use`) before a byte is written.
import { requiredBytes } from '../../shared/plan/catalog';
import type { Catalog } from '../../shared/plan/catalog';
import type { SealedSecrets } from '../../shared/protocol/seal';
import { HeldSecrets } from '../apply/held-secrets';
import type { PlanRunner, PlanView, RunnerListener } from '../apply/plan-runner';
import type { VerifiedPlan } from '../apply/step-types';
import type { Executor } from '../exec/executor';
import type { Logger } from '../log/logger';
import { completedToken, judgeTarget } from '../target/judge-target';
import { probeTarget, type TargetProbe } from '../target/probe-target';
import { reject, type Rejection } from './rejection';

export interface AdmitDeps {
  readonly runner: PlanRunner;
  readonly target: string;
  readonly exec: Executor;
  readonly catalog: Catalog;
  readonly log: Logger;
}

export type Admission = { readonly ok: true; readonly view: PlanView } | { readonly ok: false; readonly rejection: Rejection };

export async function admitPlan(
  plan: VerifiedPlan,
  secrets: SealedSecrets,
  listener: RunnerListener,
  deps: AdmitDeps,
  enrolledSecret?: Buffer,
): Promise<Admission> {
  if (deps.runner.running) return { ok: false, rejection: reject('busy', 'another plan is being applied') };
  let probe: TargetProbe;
  try {
    probe = await probeTarget(deps.target, deps.exec);
  } catch (e) {
    deps.log.error('target-probe-failed', { planId: plan.planId, problem: (e as Error).message });
    return { ok: false, rejection: reject('internal', 'the user-data target cannot be inspected') };
  }
  if (deps.runner.provisioned || completedToken(probe)) {
    return { ok: false, rejection: reject('already-provisioned', 'this machine is already provisioned') };
  }
  const verdict = judgeTarget(probe, plan.payload.installId, deps.runner.installationRecord(plan.payload.installId));
  if (verdict.kind === 'in-use' || verdict.kind === 'provisioned') {
    const reason = verdict.kind === 'in-use' ? verdict.reason : 'the user-data target is already provisioned';
    deps.log.warn('target-in-use', { planId: plan.planId, signatures: probe.signatures.join(',') });
    return { ok: false, rejection: reject('target-in-use', reason, [{ path: '', problem: reason }]) };
  }
  const need = requiredBytes(deps.catalog, [...plan.payload.vms.system, ...plan.payload.vms.apps]);
  if (need > probe.sizeBytes) {
    return {
      ok: false,
      rejection: reject('insufficient-space', 'the selection does not fit the user-data target', [
        { path: '/vms', problem: `selection needs ${need} bytes, the user-data target has ${probe.sizeBytes}` },
      ]),
    };
  }
  return { ok: true, view: deps.runner.start(plan, HeldSecrets.from(secrets, enrolledSecret), listener) };
}
