// The plan JSON exactly as it will be signed, with what only exists at Install time (the
// host's session and nonce, the time, the sealed secrets) shown as placeholders.
import { buildPlanPayload } from '../../../shared/plan/build-plan';
import type { Choices } from '../../../shared/plan/choices';
import type { PlanPayload } from '../../../shared/plan/plan-schema';
import { ipcChoices } from '../../state/actions/install';
import type { WizardStore } from '../../state/store';

export interface PlanPlaceholders {
  readonly installId: string;
  readonly session: string;
  readonly nonce: string;
  readonly createdAt: string;
  readonly sealedEnc: string;
  readonly sealedCt: string;
}

export function previewPlan(state: Pick<WizardStore, 'choices' | 'fido2' | 'install'>, p: PlanPlaceholders): PlanPayload {
  const choices: Choices = ipcChoices(state);
  return buildPlanPayload(choices, {
    installId: state.install.installId ?? p.installId,
    session: p.session,
    nonce: p.nonce,
    createdAt: p.createdAt,
    sealed: { enc: p.sealedEnc, ct: p.sealedCt },
    fido2: state.fido2.enrollment?.params ?? null,
  });
}
