// HPKE sealing of the plan's secrets (docs/protocol.md §4.4): the suite of hpke.ts; info =
// "spectrum-firstboot/v1 " + session, aad = nonce.
import { z } from 'zod';
import { base64url, utf8Decode, utf8Encode } from '../util/bytes';
import { b64std } from '../plan/plan-schema';
import { RECOVERY_KEY_PATTERN } from '../plan/recovery-key';
import { PassphraseWireSchema } from '../plan/passphrase-wire';
import { hpkeOpen, hpkeSeal, sealSuite, type SealPrivateKeyPair } from './hpke';

export { sealSuite, type SealPrivateKeyPair };

export const SEAL_INFO_PREFIX = 'spectrum-firstboot/v1 ';

/**
 * The plaintext inside `sealed`: the passphrase, or the FIDO2 secret, or (method `usb-key`,
 * protocol 1.1, whose key the helper makes) the recovery key alone.
 */
export const SealedSecretsSchema = z.union([
  z.strictObject({ passphrase: PassphraseWireSchema, recoveryKey: z.string().regex(RECOVERY_KEY_PATTERN).optional() }),
  z.strictObject({ fido2Secret: b64std(64), recoveryKey: z.string().regex(RECOVERY_KEY_PATTERN).optional() }),
  // Protocol 1.1: a security key the helper enrolled; it holds the secret under this id.
  z.strictObject({
    fido2Enrollment: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    recoveryKey: z.string().regex(RECOVERY_KEY_PATTERN).optional(),
  }),
  z.strictObject({ recoveryKey: z.string().regex(RECOVERY_KEY_PATTERN) }),
]);
export type SealedSecrets = z.infer<typeof SealedSecretsSchema>;

/** Protocol 1.1: a security key's PIN, sealed to a session as the plan's secrets are (own `info`). */
export const PIN_SEAL_INFO_PREFIX = 'spectrum-firstboot/v1 pin ';
export const SealedPinSchema = z.strictObject({ pin: z.string().min(1).max(255) });

export async function sealPin(
  recipientPublicKey: string,
  session: string,
  nonce: string,
  pin: string,
): Promise<{ enc: string; ct: string }> {
  return sealAndWipe(
    recipientPublicKey,
    utf8Encode(PIN_SEAL_INFO_PREFIX + session),
    utf8Encode(nonce),
    utf8Encode(JSON.stringify({ pin })),
  );
}

/** Seals, then overwrites the plaintext bytes: only the sealed copy outlives the call (docs/protocol.md §11). */
async function sealAndWipe(
  recipientPublicKey: string,
  info: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
): Promise<{ enc: string; ct: string }> {
  try {
    return await hpkeSeal(recipientPublicKey, info, aad, plaintext);
  } finally {
    plaintext.fill(0);
  }
}

/** The PIN as bytes (the caller wipes them), or null when it does not open or is malformed. */
export async function openSealedPin(
  keyPair: SealPrivateKeyPair,
  session: string,
  nonce: string,
  sealed: { enc: string; ct: string },
): Promise<Uint8Array | null> {
  const plaintext = await hpkeOpen(keyPair, utf8Encode(PIN_SEAL_INFO_PREFIX + session), utf8Encode(nonce), sealed);
  if (plaintext === null) return null;
  try {
    const text = utf8Decode(plaintext);
    const parsed = text === null ? null : SealedPinSchema.safeParse(JSON.parse(text));
    return parsed?.success ? utf8Encode(parsed.data.pin) : null;
  } catch {
    return null;
  } finally {
    plaintext.fill(0); // as for the plan's secrets (docs/protocol.md §11)
  }
}

export async function sealSecrets(
  recipientPublicKey: string,
  session: string,
  nonce: string,
  secrets: SealedSecrets,
): Promise<{ enc: string; ct: string }> {
  return sealAndWipe(recipientPublicKey, utf8Encode(SEAL_INFO_PREFIX + session), utf8Encode(nonce), utf8Encode(JSON.stringify(secrets)));
}

export interface SealKeyPair {
  readonly keyPair: SealPrivateKeyPair;
  readonly publicKey: string; // base64url, 32 bytes
}

export async function generateSealKeyPair(): Promise<SealKeyPair> {
  const suite = sealSuite();
  const keyPair = await suite.kem.generateKeyPair();
  const pub = new Uint8Array(await suite.kem.serializePublicKey(keyPair.publicKey));
  return { keyPair, publicKey: base64url.encode(pub) };
}

/** Opens `sealed`; null when it does not open or its plaintext is not a valid secrets object. */
export async function openSealed(
  keyPair: SealPrivateKeyPair,
  session: string,
  nonce: string,
  sealed: { enc: string; ct: string },
): Promise<SealedSecrets | null> {
  const plaintext = await hpkeOpen(keyPair, utf8Encode(SEAL_INFO_PREFIX + session), utf8Encode(nonce), sealed);
  if (plaintext === null) return null;
  try {
    const text = utf8Decode(plaintext);
    if (text === null) return null;
    const parsed = SealedSecretsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  } finally {
    // The decrypted bytes are overwritten once parsed; the strings parsed from them can only be
    // released (docs/protocol.md §11).
    plaintext.fill(0);
  }
}
