// receipt: <mount>/Spectrum/firstboot/receipt.json (no secret: ids, the signed envelope, step
// states and times, helper version), then completedAt in the spectrum-firstboot token: the one
// write that makes the installation count as done.
import path from 'node:path';
import { ReceiptSchema, type Receipt } from '../../../shared/protocol/messages';
import { ensureDirs, userDataOwner, writeOwnedFile } from '../../fs/owned';
import { TOKEN_IDS, firstbootToken } from '../../luks/luks-tokens';
import { StepError, type StepDefinition } from '../step-types';
import { mountDir } from './userdata-mount';

export const RECEIPT_PATH = path.join('Spectrum', 'firstboot', 'receipt.json');

export const receipt: StepDefinition = {
  id: 'receipt',
  async run(ctx) {
    const completedAt = new Date(ctx.now()).toISOString();
    const steps = ctx.statuses().map((s) => (s.id === 'receipt' ? { ...s, state: 'done' as const, endedAt: completedAt } : s));
    const candidate: Receipt = {
      planId: ctx.plan.planId,
      installId: ctx.plan.payload.installId,
      keyId: ctx.plan.keyId,
      helper: ctx.helperVersion,
      completedAt,
      mount: ctx.facts.mountPath ?? '',
      steps,
      envelope: ctx.plan.envelope,
    };
    const parsed = ReceiptSchema.safeParse(candidate);
    if (!parsed.success) throw new StepError('internal', 'the receipt does not match its schema', true);
    const file = path.join(mountDir(ctx), RECEIPT_PATH);
    const owner = userDataOwner();
    ensureDirs(mountDir(ctx), path.dirname(file), owner);
    writeOwnedFile(file, JSON.stringify(parsed.data, null, 2) + '\n', owner);
    await ctx.cryptsetup.importToken(TOKEN_IDS.firstboot, firstbootToken(ctx.plan.payload.installId, ctx.plan.planId, completedAt));
    return { state: 'done', receipt: parsed.data };
  },
};
