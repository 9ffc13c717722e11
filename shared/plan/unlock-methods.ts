// What each unlock method asks of the person at the machine. The answers file's unattended rule
// (docs/decisions/091-unattended-first-boot.md) reads this table, so a new method in the plan
// schema must say here whether someone has to type a secret for it.

/**
 * How keyslot 0 opens. `usb-key` (protocol 1.1): a key file the helper writes on a USB stick.
 * The one list of methods: the plan, the IPC contract, the answers file and the wizard use it.
 */
export const ENCRYPTION_METHODS = ['passphrase', 'fido2', 'usb-key'] as const;
export type EncryptionMethod = (typeof ENCRYPTION_METHODS)[number];

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

/** FIDO2 and the USB key always come with a recovery key (docs/protocol.md §4.3, §14.2). */
export function alwaysMakesRecoveryKey(method: EncryptionMethod): boolean {
  return UNLOCK_METHODS[method].recoveryKey === 'always';
}

/**
 * Whether the install makes a recovery key: always for the methods above, else the person's
 * choice. No method chosen yet makes none.
 */
export function makesRecoveryKey(encryption: { readonly method: EncryptionMethod | null; readonly recoveryKey: boolean }): boolean {
  return encryption.method !== null && (alwaysMakesRecoveryKey(encryption.method) || encryption.recoveryKey);
}
