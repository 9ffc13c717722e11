// Rules for secrets that both the wizard and the helper enforce (PROTOCOL.md §6.5).

export const PASSPHRASE_MIN_CODE_POINTS = 8;
export const PASSPHRASE_MAX_CODE_POINTS = 512;

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
  return null;
}
