// An answers file never holds a passphrase, PIN or key: it is copied to every machine of a fleet
// and read before anyone unlocks anything. A field named for a secret, or a value shaped like
// one, is refused with its own error (`secret-field`), named by path and never quoted.
import { normalizeRecoveryKeyInput, isRecoveryKey } from '../plan/recovery-key';

/** Field names (lowercase, letters and digits only) that can only mean a secret. */
const SECRET_NAMES = new Set(['pin', 'fido2pin', 'clientpin', 'passwd', 'keyfile', 'keyfilecontents', 'fido2secret', 'hmacsecret']);
const SECRET_SUFFIXES = ['passphrase', 'password', 'secret', 'privatekey'];
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
/** Deeper than any real answers file; a deeper value is a schema error anyway. */
const MAX_DEPTH = 16;

function isSecretName(key: string, value: unknown): boolean {
  const n = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (SECRET_NAMES.has(n) || SECRET_SUFFIXES.some((s) => n.endsWith(s))) return true;
  // `encryption.recoveryKey` is a yes/no choice; a recovery key itself is a string.
  return n === 'recoverykey' && typeof value !== 'boolean' && value !== undefined;
}

function isSecretValue(value: string): boolean {
  if (PEM_PRIVATE_KEY.test(value)) return true;
  const letters = value.replace(/[\s-]/g, '');
  return letters.length === 64 && isRecoveryKey(normalizeRecoveryKeyInput(letters));
}

/** Paths (as lists of keys) of every field that is, or is named for, a secret. */
export function findSecretFields(value: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[], depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (typeof v === 'string') {
      if (isSecretValue(v)) found.push(path);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i], depth + 1));
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) {
        if (isSecretName(key, child)) found.push([...path, key]);
        else walk(child, [...path, key], depth + 1);
      }
    }
  };
  walk(value, [], 0);
  return found;
}
