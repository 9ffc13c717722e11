// The per-boot signing key pair (docs/protocol.md §5.2, §8.4): the helper keeps the public key as trusted and
// writes the private key (PKCS#8 PEM, mode 0600) for the first-boot VM's read-only configuration.
// On a host that configuration is served to the VM by virtiofsd running as `fs` (uid 1000), which
// the VM sees as its own user: there the key and its folder belong to `fs` (ADR 073).
// A key already there is reused: the folder is per boot (a tmpfs on a host, the sandbox folder
// in development), and a helper restarted after a crash must keep trusting the key the wizard
// already holds.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { lchownSync, lstatSync } from 'node:fs';
import { writeOwnedFile, type Owner } from '../fs/owned';
import { MODES, ensureDir, readOwnFile } from '../fs/safe-fs';
import { isEd25519 } from '../../shared-node/crypto/ed25519';

export const SIGNING_KEY_FILE = 'signing-key.pem';

export interface SigningKey {
  readonly publicKey: KeyObject;
  readonly file: string;
}

function writeNew(file: string, owner: Owner | null): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
  writeOwnedFile(file, pem, owner, MODES.privateFile);
  return { publicKey, file };
}

/** The key of an earlier run of this boot (a restart after a crash), else a new one. */
export function loadOrCreateSigningKey(dir: string, owner: Owner | null = null): SigningKey {
  ensureDir(dir, MODES.privateDir); // refuses a link
  // lchown never follows a link, and ensureDir has just refused one.
  const folder = lstatSync(dir);
  if (owner && (folder.uid !== owner.uid || folder.gid !== owner.gid)) lchownSync(dir, owner.uid, owner.gid);
  const file = path.join(dir, SIGNING_KEY_FILE);
  const existing = readOwnFile(file, MODES.privateFile); // never through a link
  if (existing === null) return writeNew(file, owner);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(existing);
  } catch {
    throw new Error(`${file} exists but is not a PEM private key; remove it to make a new one`);
  }
  if (!isEd25519(privateKey)) throw new Error(`${file} is not an Ed25519 key; remove it to make a new one`);
  return { publicKey: createPublicKey(privateKey), file };
}
