// Signs the plan as a DSSE envelope (docs/protocol.md §4.2, §5.2) with the wizard's Ed25519 key. The
// key is read from the first-boot VM's read-only configuration folder, kept in memory as a
// KeyObject and never written anywhere else.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signerFromKey, type Signer } from '../../../shared-node/crypto/envelope-signer';
import { IpcFailure } from '../ipc-error';

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
    throw missing(
      code === 'ENOENT' ? `the signing key ${keyPath} does not exist` : `the signing key ${keyPath} cannot be read (${code ?? 'error'})`,
    );
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

/** Loads the key once, on first use, so a missing key is reported when it matters. */
export function lazySigner(keyPath: string): () => Signer {
  let signer: Signer | null = null;
  return () => (signer ??= loadSigner(keyPath));
}
