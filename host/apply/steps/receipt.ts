// receipt: <mount>/Spectrum/firstboot/receipt.json (no secret: ids, the signed envelope, step
// states and times, helper version), then completedAt in the spectrum-firstboot token: the one
// write that makes the installation count as done.
import path from 'node:path';
import { ReceiptSchema, type Receipt } from '../../../shared/protocol/messages';
import { MODES } from '../../fs/safe-fs';
import { ensureDirs, userDataOwner, writeOwnedFile } from '../../fs/owned';
import { TOKEN_IDS, firstbootToken } from '../../luks/luks-tokens';
import { receiptAnswers } from '../../answers/escrow-step';
import { StepError, type StepDefinition } from '../step-types';
import { mountDir, noLinks } from './userdata-mount';

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
      ...(ctx.plan.answers ? { answers: receiptAnswers(ctx.plan.answers, ctx.facts.luksUuid) } : {}),
    };
    const parsed = ReceiptSchema.safeParse(candidate);
    if (!parsed.success) throw new StepError('internal', 'the receipt does not match its schema', true);
    const mount = mountDir(ctx);
    const owner = userDataOwner();
    // Spectrum/ is shared with the configuration; the receipt's own folder is private. Both belong to fs.
    const shared = noLinks(() => ensureDirs(mount, path.join(mount, path.dirname(path.dirname(RECEIPT_PATH))), owner, MODES.sharedDir));
    const dir = noLinks(() => ensureDirs(shared, path.join(shared, path.basename(path.dirname(RECEIPT_PATH))), owner, MODES.privateDir));
    noLinks(() =>
      writeOwnedFile(path.join(dir, path.basename(RECEIPT_PATH)), JSON.stringify(parsed.data, null, 2) + '\n', owner, MODES.privateFile),
    );
    await ctx.cryptsetup.importToken(TOKEN_IDS.firstboot, firstbootToken(ctx.plan.payload.installId, ctx.plan.planId, completedAt));
    return { state: 'done', receipt: parsed.data };
  },
};
