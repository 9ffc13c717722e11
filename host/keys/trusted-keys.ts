// The keys whose signature makes a plan acceptable: the per-boot key, plus any Ed25519 public
// keys (SPKI PEM files, *.pem or *.pub) in a directory.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger';
import { isEd25519, keyIdOf } from '../../shared-node/crypto/ed25519';

export interface TrustedKey {
  readonly keyId: string;
  readonly key: KeyObject;
}

/** At most this many keys are tried per signature, so a plan costs bounded work. */
export const MAX_TRUSTED_KEYS = 64;

export class TrustedKeys {
  private readonly keys: TrustedKey[] = [];

  add(key: KeyObject): string {
    if (!isEd25519(key)) throw new Error('only Ed25519 keys can be trusted');
    const keyId = keyIdOf(key);
    if (!this.keys.some((k) => k.keyId === keyId)) {
      if (this.keys.length >= MAX_TRUSTED_KEYS) throw new Error(`at most ${MAX_TRUSTED_KEYS} trusted keys`);
      this.keys.push({ keyId, key });
    }
    return keyId;
  }

  get size(): number {
    return this.keys.length;
  }

  /** Whether a key of this id is trusted (an envelope's keyid hint names a known key). */
  has(keyId: string): boolean {
    return this.keys.some((k) => k.keyId === keyId);
  }

  /** Trusts every key `other` trusts as well. */
  addAll(other: TrustedKeys): void {
    for (const k of other.keys) this.add(k.key);
  }

  /**
   * The key that made `signature` over `message`, or null. The signature's keyid only decides
   * which key is tried first: every trusted key is tried, none is taken on the hint's word.
   */
  findSigner(message: Uint8Array, signature: Uint8Array, keyIdHint: string): TrustedKey | null {
    if (signature.length !== 64) return null;
    const ordered = [...this.keys].sort((a, b) => Number(b.keyId === keyIdHint) - Number(a.keyId === keyIdHint));
    for (const k of ordered) {
      try {
        if (verify(null, message, k.key, signature)) return k;
      } catch {
        // A malformed signature is simply not a match.
      }
    }
    return null;
  }

  /** Loads every readable Ed25519 public key of `dir`; other files are logged and skipped. */
  loadDirectory(dir: string, log: Logger): void {
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.pem') && !name.endsWith('.pub')) continue;
      const file = path.join(dir, name);
      try {
        const key = createPublicKey(readFileSync(file));
        const keyId = this.add(key);
        log.info('trusted-key-loaded', { file, keyId });
      } catch (e) {
        log.warn('trusted-key-skipped', { file, problem: (e as Error).message });
      }
    }
  }
}
