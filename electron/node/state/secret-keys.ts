// Defence in depth for anything main writes to disk for the renderer: the renderer already
// leaves secrets out, but a key named like a secret, or a string shaped like a recovery key,
// is refused wherever it appears. Only paths are reported, never values.
import { isRecoveryKey } from '../../../shared/plan/recovery-key';

const SECRET_KEY_NAMES = new Set(['passphrase', 'pin', 'recoverykey', 'secret', 'fido2secret']);
const MAX_DEPTH = 64;

/** Compared without case, `_` or `-`: `recovery_key` and `Recovery-Key` are refused too. */
export function isSecretKeyName(key: string): boolean {
  return SECRET_KEY_NAMES.has(key.toLowerCase().replace(/[-_]/g, ''));
}

export interface SecretFinding {
  readonly path: string;
  readonly problem: string;
}

/** The first place in `value` that looks like a secret, or null. */
export function findSecret(value: unknown, path = '', depth = 0): SecretFinding | null {
  if (depth > MAX_DEPTH) return { path, problem: 'nested too deeply' };
  if (typeof value === 'string') return isRecoveryKey(value.trim()) ? { path, problem: 'looks like a recovery key' } : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findSecret(value[i], `${path}/${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (isSecretKeyName(key)) return { path: at, problem: 'a field named like a secret' };
      const found = findSecret(item, at, depth + 1);
      if (found) return found;
    }
  }
  return null;
}
