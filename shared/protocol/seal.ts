// HPKE sealing of the plan's secrets (PROTOCOL.md §5): base mode, DHKEM(X25519, HKDF-SHA256),
// HKDF-SHA256, ChaCha20Poly1305; info = "spectrum-firstboot/v1 " + session, aad = nonce.
import { CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { z } from 'zod';
import { base64url, utf8Decode, utf8Encode } from '../util/bytes';
import { b64std } from '../plan/plan-schema';
import { RECOVERY_KEY_PATTERN } from '../plan/recovery-key';

export const SEAL_INFO_PREFIX = 'spectrum-firstboot/v1 ';

export function sealSuite(): CipherSuite {
  return new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
}

/**
 * The plaintext inside `sealed`: the passphrase, or the FIDO2 secret, or (method `usb-key`,
 * protocol 1.1, whose key the helper makes) the recovery key alone.
 */
export const SealedSecretsSchema = z.union([
  z.strictObject({ passphrase: z.string().max(4096), recoveryKey: z.string().regex(RECOVERY_KEY_PATTERN).optional() }),
  z.strictObject({ fido2Secret: b64std(64), recoveryKey: z.string().regex(RECOVERY_KEY_PATTERN).optional() }),
  // Protocol 1.1: a security key the helper enrolled; it holds the secret under this id.
  z.strictObject({ fido2Enrollment: z.string().regex(/^[A-Za-z0-9_-]{22}$/), recoveryKey: z.string().regex(RECOVERY_KEY_PATTERN).optional() }),
  z.strictObject({ recoveryKey: z.string().regex(RECOVERY_KEY_PATTERN) }),
]);
export type SealedSecrets = z.infer<typeof SealedSecretsSchema>;

const toBuffer = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;

/** Protocol 1.1: a security key's PIN, sealed to a session as the plan's secrets are (own `info`). */
export const PIN_SEAL_INFO_PREFIX = 'spectrum-firstboot/v1 pin ';
export const SealedPinSchema = z.strictObject({ pin: z.string().min(1).max(255) });

export async function sealPin(recipientPublicKey: string, session: string, nonce: string, pin: string): Promise<{ enc: string; ct: string }> {
  return sealJson(recipientPublicKey, PIN_SEAL_INFO_PREFIX + session, nonce, { pin });
}

/** The PIN as bytes (the caller wipes them), or null when it does not open or is malformed. */
export async function openSealedPin(keyPair: SealPrivateKeyPair, session: string, nonce: string, sealed: { enc: string; ct: string }): Promise<Uint8Array | null> {
  const plaintext = await openJson(keyPair, PIN_SEAL_INFO_PREFIX + session, nonce, sealed);
  const parsed = SealedPinSchema.safeParse(plaintext);
  return parsed.success ? utf8Encode(parsed.data.pin) : null;
}

async function sealJson(recipientPublicKey: string, info: string, aad: string, value: unknown): Promise<{ enc: string; ct: string }> {
  const suite = sealSuite();
  const raw = base64url.decode(recipientPublicKey);
  if (raw === null) throw new Error('seal public key is not base64url');
  const pk = await suite.kem.deserializePublicKey(toBuffer(raw));
  const { enc, ct } = await suite.seal({ recipientPublicKey: pk, info: toBuffer(utf8Encode(info)) }, toBuffer(utf8Encode(JSON.stringify(value))), toBuffer(utf8Encode(aad)));
  return { enc: base64url.encode(new Uint8Array(enc)), ct: base64url.encode(new Uint8Array(ct)) };
}

async function openJson(keyPair: SealPrivateKeyPair, info: string, aad: string, sealed: { enc: string; ct: string }): Promise<unknown> {
  const enc = base64url.decode(sealed.enc);
  const ct = base64url.decode(sealed.ct);
  if (enc === null || ct === null) return null;
  try {
    const pt = await sealSuite().open({ recipientKey: keyPair, enc: toBuffer(enc), info: toBuffer(utf8Encode(info)) }, toBuffer(ct), toBuffer(utf8Encode(aad)));
    const text = utf8Decode(new Uint8Array(pt));
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

export async function sealSecrets(
  recipientPublicKey: string,
  session: string,
  nonce: string,
  secrets: SealedSecrets,
): Promise<{ enc: string; ct: string }> {
  const suite = sealSuite();
  const raw = base64url.decode(recipientPublicKey);
  if (raw === null) throw new Error('seal public key is not base64url');
  const pk = await suite.kem.deserializePublicKey(toBuffer(raw));
  const { enc, ct } = await suite.seal(
    { recipientPublicKey: pk, info: toBuffer(utf8Encode(SEAL_INFO_PREFIX + session)) },
    toBuffer(utf8Encode(JSON.stringify(secrets))),
    toBuffer(utf8Encode(nonce)),
  );
  return { enc: base64url.encode(new Uint8Array(enc)), ct: base64url.encode(new Uint8Array(ct)) };
}

/** The key pair type of the HPKE library (WebCrypto's CryptoKeyPair, named without lib.dom). */
export type SealPrivateKeyPair = Awaited<ReturnType<CipherSuite['kem']['generateKeyPair']>>;

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
  const enc = base64url.decode(sealed.enc);
  const ct = base64url.decode(sealed.ct);
  if (enc === null || ct === null) return null;
  try {
    const pt = await sealSuite().open(
      { recipientKey: keyPair, enc: toBuffer(enc), info: toBuffer(utf8Encode(SEAL_INFO_PREFIX + session)) },
      toBuffer(ct),
      toBuffer(utf8Encode(nonce)),
    );
    const text = utf8Decode(new Uint8Array(pt));
    if (text === null) return null;
    const parsed = SealedSecretsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
