// The escrow part of `userdata-enroll`: once keyslot 1 holds the recovery key, a plan that follows
// answers with an escrow key gets its sealed copy beside the answers file, named by the LUKS
// UUID. Writing it again on a retry replaces it with a fresh seal of the same key.
import { escrowFileName } from '../../shared/answers/escrow-schema';
import type { ReceiptAnswers } from '../../shared/protocol/messages';
import type { PlanAnswersUse, StepContext } from '../apply/step-types';
import { StepError } from '../apply/step-types';
import { StickFileError } from '../usb/stick-files';
import { writeEscrow } from './escrow';

export async function escrowRecoveryKey(ctx: StepContext, recoveryKey: Uint8Array): Promise<void> {
  const target = ctx.plan.answers?.escrow;
  if (!target) return;
  const luksUuid = ctx.facts.luksUuid ?? (await ctx.cryptsetup.uuid());
  ctx.facts.luksUuid = luksUuid;
  let file: string;
  try {
    file = await writeEscrow(target, { luksUuid, installId: ctx.plan.payload.installId, now: new Date(ctx.now()) }, recoveryKey);
  } catch (e) {
    ctx.log.error('escrow-failed', { planId: ctx.plan.planId, problem: (e as Error).message });
    throw new StepError(
      'io',
      `the escrowed recovery key cannot be written beside the answers file (${e instanceof StickFileError ? e.code : ((e as NodeJS.ErrnoException).code ?? 'error')})`,
      true,
    );
  }
  ctx.log.info('recovery-key-escrowed', { planId: ctx.plan.planId, file });
}

/** What the receipt says of the answers: which file, who signed it, the escrow file's name. */
export function receiptAnswers(use: PlanAnswersUse, luksUuid: string | undefined): ReceiptAnswers {
  return {
    digest: use.digest,
    keyId: use.keyId,
    organization: use.organization,
    ...(use.escrow && luksUuid ? { escrow: escrowFileName(luksUuid) } : {}),
  };
}
