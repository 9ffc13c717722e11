// What a person typed at the unlock prompt, as bytes (so it can be wiped): a recovery key is
// recognised by its form, whatever the case and with or without the dashes and spaces between
// its groups; anything else is a passphrase, used exactly as typed.
import { MODHEX_ALPHABET, RECOVERY_KEY_BYTES } from '../plan/recovery-key';

const GROUP = 8;
const CHARS = RECOVERY_KEY_BYTES * 2;
const DASH = 0x2d;
const SPACE = 0x20;
const TAB = 0x09;

const modhex = new Uint8Array(128);
for (const c of MODHEX_ALPHABET) modhex[c.charCodeAt(0)] = 1;

/**
 * The canonical recovery key (lowercase, 8 groups of 8 joined by dashes) if `typed` has the
 * form of one; null otherwise. The result is a new buffer: the caller wipes both.
 */
export function recoveryKeyFromTyped(typed: Uint8Array): Uint8Array | null {
  const out = new Uint8Array(CHARS + CHARS / GROUP - 1);
  let n = 0;
  let o = 0;
  for (const byte of typed) {
    if (byte === DASH || byte === SPACE || byte === TAB) continue;
    const lower = byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
    if (lower >= 128 || modhex[lower] !== 1 || n === CHARS) {
      out.fill(0);
      return null;
    }
    if (n > 0 && n % GROUP === 0) out[o++] = DASH;
    out[o++] = lower;
    n++;
  }
  if (n !== CHARS) {
    out.fill(0);
    return null;
  }
  return out;
}
