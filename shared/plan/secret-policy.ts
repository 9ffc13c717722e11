// Rules for secrets that both the wizard and the helper enforce (docs/protocol.md §5.5).
import { utf8Encode } from '../util/bytes';

export const PASSPHRASE_MIN_CODE_POINTS = 8;
export const PASSPHRASE_MAX_CODE_POINTS = 512;
/**
 * cryptsetup's interactive prompt (how Spectrum unlocks user data) silently keeps only the
 * first 512 bytes of what is typed, so a longer passphrase could never be typed back.
 */
export const PASSPHRASE_MAX_UTF8_BYTES = 512;

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export type PassphraseProblem = 'too-short' | 'too-long';

export function passphraseProblem(passphrase: string): PassphraseProblem | null {
  const n = codePointLength(passphrase);
  if (n < PASSPHRASE_MIN_CODE_POINTS) return 'too-short';
  if (n > PASSPHRASE_MAX_CODE_POINTS) return 'too-long';
  if (utf8Encode(passphrase).length > PASSPHRASE_MAX_UTF8_BYTES) return 'too-long';
  return null;
}
