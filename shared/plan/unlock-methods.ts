// What each unlock method asks of the person at the machine. The answers file's unattended rule
// (docs/decisions/091-unattended-first-boot.md) reads this table, so a new method in the plan
// schema must say here whether someone has to type a secret for it.
import type { EncryptionMethod } from './plan-schema';

export interface UnlockMethodTraits {
  /**
   * `always`: the person types a secret (a passphrase); `device`: only if the device asks for
   * one (a FIDO2 key with a PIN), known once the device is found; `never`: no secret at all.
   */
  readonly personSecret: 'always' | 'device' | 'never';
  /** Whether the method always comes with a recovery key, or it is the person's (or the answers') choice. */
  readonly recoveryKey: 'always' | 'optional';
}

export const UNLOCK_METHODS: Readonly<Record<EncryptionMethod, UnlockMethodTraits>> = {
  passphrase: { personSecret: 'always', recoveryKey: 'optional' },
  fido2: { personSecret: 'device', recoveryKey: 'always' },
  // A key file on a stick the helper lists: nothing to type, but the stick must be plugged in.
  'usb-key': { personSecret: 'never', recoveryKey: 'always' },
};

export function alwaysMakesRecoveryKey(method: EncryptionMethod): boolean {
  return UNLOCK_METHODS[method].recoveryKey === 'always';
}
