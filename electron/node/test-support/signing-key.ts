// A fresh Ed25519 key pair written as the PKCS#8 PEM file the wizard loads, for tests.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeSigningKey(dir: string): { keyPath: string; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyPath = path.join(dir, 'signing-key.pem');
  writeFileSync(keyPath, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  return { keyPath, publicKey };
}
