// Signs the plan as a DSSE envelope (docs/protocol.md §4.2, §5.2) with the wizard's Ed25519 key. The
// key is read from the first-boot VM's read-only configuration folder, kept in memory as a
// KeyObject and never written anywhere else.
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signEnvelope } from '../../../shared/protocol/dsse';
import type { Envelope } from '../../../shared/protocol/messages';
import { IpcFailure } from '../ipc-error';

export interface Signer {
  /** hex sha256 of the raw 32-byte public key: the DSSE keyid. */
  readonly keyId: string;
  sign(payloadType: string, payload: Uint8Array): Envelope;
}

const PEM_LIMIT = 16 * 1024;

function missing(message: string): IpcFailure {
  return new IpcFailure('signing-key-missing', message);
}

/** Loads the key; `signing-key-missing` when it is absent, unreadable or not Ed25519. */
export function loadSigner(keyPath: string): Signer {
  let pem: string;
  try {
    pem = readFileSync(keyPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw missing(code === 'ENOENT' ? `the signing key ${keyPath} does not exist` : `the signing key ${keyPath} cannot be read (${code ?? 'error'})`);
  }
  if (pem.length > PEM_LIMIT) throw missing(`the signing key ${keyPath} is not a PEM private key`);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw missing(`the signing key ${keyPath} is not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw missing(`the signing key ${keyPath} is not an Ed25519 key`);
  return signerFromKey(key);
}

export function signerFromKey(privateKey: KeyObject): Signer {
  const keyId = createHash('sha256').update(rawPublicKey(privateKey)).digest('hex');
  return {
    keyId,
    sign(payloadType, payload) {
      return signEnvelope(payloadType, payload, { keyId, sign: (message) => sign(null, message, privateKey) });
    },
  };
}

/** The raw 32-byte Ed25519 public key (the JWK `x`) of a private or public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an OKP key');
  return Buffer.from(jwk.x, 'base64url');
}

/** Loads the key once, on first use, so a missing key is reported when it matters. */
export function lazySigner(keyPath: string): () => Signer {
  let signer: Signer | null = null;
  return () => (signer ??= loadSigner(keyPath));
}
