// userdata-format: LUKS2 on the target, keyslot 0 = the passphrase (argon2id), the FIDO2
// secret or the USB key file (PBKDF2, as systemd enrolls high-entropy keys; the key file is
// written to the stick first), then the spectrum-firstboot token.
// The target is judged again right before formatting: what verification saw may have changed.
import { FIRSTBOOT_SUBSYSTEM, TOKEN_IDS, firstbootToken } from '../../luks/luks-tokens';
import { HIGH_ENTROPY_KDF } from '../../luks/cryptsetup';
import { judgeTarget } from '../../target/judge-target';
import { probeTarget } from '../../target/probe-target';
import { discardOpenedVolume } from '../../sandbox/opened-volume';
import { DiskChangedError, ensureUserDataPartition } from '../../disk/whole-disk';
import { StepError, type StepDefinition } from '../step-types';
import { writeUsbKeyFile } from './usb-key-file';

export const userdataFormat: StepDefinition = {
  id: 'userdata-format',
  async run(ctx) {
    const { payload, planId } = ctx.plan;
    // This plan's own record: the step runs now, and the header this installation formatted last.
    const record = { formatRan: true, ...(ctx.facts.luksUuid ? { luksUuid: ctx.facts.luksUuid } : {}) };
    const verdict = judgeTarget(await probeTarget(ctx.env.target, ctx.exec), payload.installId, record);
    if (verdict.kind === 'in-use') throw new StepError('target-in-use', verdict.reason, false);
    if (verdict.kind === 'provisioned') throw new StepError('target-in-use', 'the user-data target is already provisioned', false);
    // The machine's whole disk: the user-data partition's GPT entry is written now, at install.
    if (ctx.env.wholeDisk) {
      try {
        await ensureUserDataPartition(ctx.env.wholeDisk, ctx.exec);
      } catch (e) {
        if (e instanceof DiskChangedError) throw new StepError('target-in-use', e.message, false);
        throw e;
      }
    }
    // A new header makes whatever the old mapping held unreadable: so does the sandbox's stand-in.
    if (ctx.env.kind === 'sandbox') discardOpenedVolume(ctx.env.openedVolume);
    // A USB key: the key file is on the stick (and read back) before the volume relies on it.
    if (payload.encryption.method === 'usb-key') await writeUsbKeyFile(ctx);
    const kdf = payload.encryption.method === 'passphrase' ? ctx.passphraseKdf : HIGH_ENTROPY_KDF;
    await ctx.cryptsetup.format(ctx.secrets.primaryKey(), kdf, payload.installId, FIRSTBOOT_SUBSYSTEM);
    await ctx.cryptsetup.importToken(TOKEN_IDS.firstboot, firstbootToken(payload.installId, planId));
    ctx.facts.luksUuid = await ctx.cryptsetup.uuid();
    return { state: 'done' };
  },
};
