// Rules for secrets that both the wizard and the helper enforce (docs/protocol.md §5.5): the one
// set of passphrase limits. The IPC contract and the seal derive their bounds from these.
import { utf8Encode } from '../util/bytes';

export const PASSPHRASE_MIN_CODE_POINTS = 8;
export const PASSPHRASE_MAX_CODE_POINTS = 512;
/**
 * cryptsetup's interactive prompt (how Spectrum unlocks user data) silently keeps only the
 * first 512 bytes of what is typed, so a longer passphrase could never be typed back.
 */
export const PASSPHRASE_MAX_UTF8_BYTES = 512;

/**
 * The bound on a passphrase where it travels (install.start, the sealed secrets): a size check
 * only, loose on purpose (a passphrase within the policy is at most PASSPHRASE_MAX_UTF8_BYTES
 * UTF-16 units) so that an over-long one still reaches passphraseProblem and gets its named
 * problem (`invalid-plan` at the helper, docs/protocol.md §5.5) rather than "malformed".
 */
export const PASSPHRASE_WIRE_MAX_UTF16_UNITS = 8 * PASSPHRASE_MAX_UTF8_BYTES;

/** Control characters cannot be typed at an unlock prompt (a newline would end the line). */
export function controlCharacters(text: string): string[] {
  const found: string[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 || c === 0x7f) && !found.includes(ch)) found.push(ch);
  }
  return found;
}

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export type PassphraseProblem = 'too-short' | 'too-long' | 'control-character';

export function passphraseProblem(passphrase: string): PassphraseProblem | null {
  const n = codePointLength(passphrase);
  if (n < PASSPHRASE_MIN_CODE_POINTS) return 'too-short';
  if (n > PASSPHRASE_MAX_CODE_POINTS) return 'too-long';
  if (utf8Encode(passphrase).length > PASSPHRASE_MAX_UTF8_BYTES) return 'too-long';
  if (controlCharacters(passphrase).length > 0) return 'control-character';
  return null;
}
