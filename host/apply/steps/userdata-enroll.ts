// userdata-enroll: the systemd-fido2 token for keyslot 0 (FIDO2) or the spectrum-usb-key token
// (USB key file: the stick's file system and the file's path), and the recovery key in
// keyslot 1 with its systemd-recovery token. Re-running keeps a keyslot that already opens
// with the recovery key and replaces anything else in its place.
import { HIGH_ENTROPY_KDF } from '../../luks/cryptsetup';
import { KEYSLOTS, TOKEN_IDS, systemdFido2Token, systemdRecoveryToken } from '../../luks/luks-tokens';
import { escrowRecoveryKey } from '../../answers/escrow-step';
import type { StepDefinition } from '../step-types';
import { usbKeyToken } from '../../luks/unlock-tokens';
import { keyFilePath } from '../../usb/key-file';

export const userdataEnroll: StepDefinition = {
  id: 'userdata-enroll',
  async run(ctx) {
    const cs = ctx.cryptsetup;
    const { encryption } = ctx.plan.payload;
    const meta = await cs.metadata();

    if (encryption.method === 'fido2' && encryption.fido2) {
      await cs.importToken(TOKEN_IDS.fido2, systemdFido2Token(KEYSLOTS.primary, encryption.fido2));
    } else if (meta.tokens[String(TOKEN_IDS.fido2)]) {
      await cs.removeToken(TOKEN_IDS.fido2);
    }
    if (encryption.method === 'usb-key' && encryption.usbKey) {
      const { fsUuid, fsType } = encryption.usbKey;
      await cs.importToken(TOKEN_IDS.usbKey, usbKeyToken(KEYSLOTS.primary, fsUuid, fsType, keyFilePath(ctx.plan.payload.installId)));
    } else if (meta.tokens[String(TOKEN_IDS.usbKey)]) {
      await cs.removeToken(TOKEN_IDS.usbKey);
    }

    const recovery = ctx.secrets.recoveryKey();
    const slot = String(KEYSLOTS.recovery);
    if (recovery) {
      const present = slot in meta.keyslots;
      if (!present || !(await cs.testKey(recovery, KEYSLOTS.recovery))) {
        if (present) await cs.killSlot(KEYSLOTS.recovery);
        await cs.addKey(ctx.secrets.primaryKey(), recovery, KEYSLOTS.recovery, HIGH_ENTROPY_KDF);
      }
      await cs.importToken(TOKEN_IDS.recovery, systemdRecoveryToken(KEYSLOTS.recovery));
      await escrowRecoveryKey(ctx, recovery);
    } else {
      if (meta.tokens[String(TOKEN_IDS.recovery)]) await cs.removeToken(TOKEN_IDS.recovery);
      if (slot in meta.keyslots) await cs.killSlot(KEYSLOTS.recovery);
    }
    return { state: 'done' };
  },
};
