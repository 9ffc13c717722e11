// The per-boot signing key pair (docs/protocol.md §5.2, §8.4): the helper keeps the public key as trusted and
// writes the private key (PKCS#8 PEM, mode 0600) for the first-boot VM's read-only configuration.
// A key already there is reused: the folder is per boot (a tmpfs on a host, the sandbox folder
// in development), and a helper restarted after a crash must keep trusting the key the wizard
// already holds.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { writeFileAtomic } from '../../shared-node/fs/atomic-write';
import { MODES, ensureDir, readOwnFile } from '../fs/safe-fs';
import { isEd25519 } from '../../shared-node/crypto/ed25519';

export const SIGNING_KEY_FILE = 'signing-key.pem';

export interface SigningKey {
  readonly publicKey: KeyObject;
  readonly file: string;
}

function writeNew(file: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
  writeFileAtomic(file, pem, MODES.privateFile);
  return { publicKey, file };
}

/** The key of an earlier run of this boot (a restart after a crash), else a new one. */
export function loadOrCreateSigningKey(dir: string): SigningKey {
  ensureDir(dir, MODES.privateDir);
  const file = path.join(dir, SIGNING_KEY_FILE);
  const existing = readOwnFile(file, MODES.privateFile); // never through a link
  if (existing === null) return writeNew(file);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(existing);
  } catch {
    throw new Error(`${file} exists but is not a PEM private key; remove it to make a new one`);
  }
  if (!isEd25519(privateKey)) throw new Error(`${file} is not an Ed25519 key; remove it to make a new one`);
  return { publicKey: createPublicKey(privateKey), file };
}
