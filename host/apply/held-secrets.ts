// The plan's secrets while it applies: the key for keyslot 0 (the passphrase, for FIDO2 the
// standard base64 of the hmac-secret output, as systemd-cryptenroll uses it, or for a USB key
// the 64 random bytes of the key file) and the recovery key.
// Kept as bytes so that dropping them can overwrite them (best effort: the strings they were
// parsed from cannot be wiped in JavaScript, only released).
import type { SealedSecrets } from '../../shared/protocol/seal';
import { base64 } from '../../shared/util/bytes';
import { newKeyFileKey } from '../usb/key-file';

export class SecretsDroppedError extends Error {
  constructor() {
    super('the secrets of this plan are no longer held');
  }
}

export class HeldSecrets {
  private primary: Buffer | null;
  private recovery: Buffer | null;

  private constructor(primary: Buffer, recovery: Buffer | null) {
    this.primary = primary;
    this.recovery = recovery;
  }

  /**
   * From opened secrets already checked by verification (docs/protocol.md §5.5). `enrolledSecret` is S of a
   * security key the helper enrolled (protocol 1.1 `fido2Enrollment`); it is wiped here.
   */
  static from(secrets: SealedSecrets, enrolledSecret?: Buffer): HeldSecrets {
    let primary: Buffer;
    if ('passphrase' in secrets) {
      primary = Buffer.from(secrets.passphrase, 'utf8');
    } else if ('fido2Enrollment' in secrets) {
      if (!enrolledSecret) throw new Error('the enrolled security key secret is missing');
      primary = Buffer.from(enrolledSecret.toString('base64'), 'ascii'); // what systemd would type
      enrolledSecret.fill(0);
    } else if (!('fido2Secret' in secrets)) {
      primary = newKeyFileKey(); // usb-key: the helper makes the key file's key, once per plan
    } else {
      const raw = base64.decode(secrets.fido2Secret);
      if (raw === null) throw new Error('fido2Secret is not standard base64');
      primary = Buffer.from(base64.encode(raw), 'ascii'); // canonical form: what systemd would type
    }
    return new HeldSecrets(primary, secrets.recoveryKey ? Buffer.from(secrets.recoveryKey, 'ascii') : null);
  }

  get dropped(): boolean {
    return this.primary === null;
  }

  primaryKey(): Buffer {
    if (!this.primary) throw new SecretsDroppedError();
    return this.primary;
  }

  recoveryKey(): Buffer | null {
    if (!this.primary) throw new SecretsDroppedError();
    return this.recovery;
  }

  /** Every secret still held, for the log redactor. */
  all(): Uint8Array[] {
    return [this.primary, this.recovery].filter((b): b is Buffer => b !== null);
  }

  drop(): void {
    this.primary?.fill(0);
    this.recovery?.fill(0);
    this.primary = null;
    this.recovery = null;
  }
}
