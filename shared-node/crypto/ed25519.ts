// Ed25519 keys as the protocol names them (docs/protocol.md §5.2): keyid = hex sha256 of the raw
// 32-byte public key. One definition for the wizard, which signs, and the helper, which trusts.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** The raw 32-byte Ed25519 public key (the JWK `x`) of a private or public key. */
export function rawPublicKey(key: KeyObject): Uint8Array {
  const pub = key.type === 'public' ? key : createPublicKey(key);
  const jwk = pub.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

export function keyIdOf(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest('hex');
}

export function isEd25519(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ed25519';
}
