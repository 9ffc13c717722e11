// HPKE base mode with the one suite the project uses (docs/protocol.md §4.4): DHKEM(X25519,
// HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305. The plan's secrets (seal.ts) and escrowed
// recovery keys (docs/protocol.md, "Recovery-key escrow") are both sealed here.
import { CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { base64url } from '../util/bytes';

export function sealSuite(): CipherSuite {
  return new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
}

/** The key pair type of the HPKE library (WebCrypto's CryptoKeyPair, named without lib.dom). */
export type SealPrivateKeyPair = Awaited<ReturnType<CipherSuite['kem']['generateKeyPair']>>;
/** What opens a seal: a key pair, or a private key alone. */
export type SealRecipientKey = Parameters<CipherSuite['open']>[0]['recipientKey'];

// A copy of exactly these bytes: a Node Buffer's `.buffer` (even after slice()) may be a whole
// shared pool, which must never be sealed or parsed in its place.
const toBuffer = (b: Uint8Array): ArrayBuffer => Uint8Array.from(b).buffer as ArrayBuffer;

/** Seals `plaintext` to a raw 32-byte X25519 public key (base64url); enc and ct in base64url. */
export async function hpkeSeal(
  recipientPublicKey: string,
  info: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
): Promise<{ enc: string; ct: string }> {
  const suite = sealSuite();
  const raw = base64url.decode(recipientPublicKey);
  if (raw === null) throw new Error('seal public key is not base64url');
  const pk = await suite.kem.deserializePublicKey(toBuffer(raw));
  const copy = toBuffer(plaintext);
  try {
    const { enc, ct } = await suite.seal({ recipientPublicKey: pk, info: toBuffer(info) }, copy, toBuffer(aad));
    return { enc: base64url.encode(new Uint8Array(enc)), ct: base64url.encode(new Uint8Array(ct)) };
  } finally {
    new Uint8Array(copy).fill(0); // our copy of the plaintext; the caller's bytes are the caller's to wipe
  }
}

/** Opens what hpkeSeal made; null when it does not open with this key, info and aad. */
export async function hpkeOpen(
  recipientKey: SealRecipientKey,
  info: Uint8Array,
  aad: Uint8Array,
  sealed: { enc: string; ct: string },
): Promise<Uint8Array | null> {
  const enc = base64url.decode(sealed.enc);
  const ct = base64url.decode(sealed.ct);
  if (enc === null || ct === null) return null;
  try {
    const pt = await sealSuite().open({ recipientKey, enc: toBuffer(enc), info: toBuffer(info) }, toBuffer(ct), toBuffer(aad));
    return new Uint8Array(pt);
  } catch {
    return null;
  }
}

/** A raw 32-byte X25519 private key (an escrow key read from its PEM file) as the library's key. */
export function privateKeyFromRaw(raw: Uint8Array): Promise<SealRecipientKey> {
  return sealSuite().kem.deserializePrivateKey(toBuffer(raw));
}
