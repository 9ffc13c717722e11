// systemd's recovery key (systemd-cryptenroll --recovery-key): 32 random bytes in "modhex",
// two characters a byte, in 8 groups of 8 joined by '-'.

export const MODHEX_ALPHABET = 'cbdefghijklnrtuv';
export const RECOVERY_KEY_BYTES = 32;
export const RECOVERY_KEY_PATTERN = /^[cbdefghijklnrtuv]{8}(-[cbdefghijklnrtuv]{8}){7}$/;

export function formatRecoveryKey(random: Uint8Array): string {
  if (random.length !== RECOVERY_KEY_BYTES) throw new RangeError('a recovery key is made of 32 random bytes');
  let hex = '';
  for (const b of random) hex += MODHEX_ALPHABET[b >> 4]! + MODHEX_ALPHABET[b & 15]!;
  return hex.match(/.{8}/g)!.join('-');
}

export function isRecoveryKey(text: string): boolean {
  return RECOVERY_KEY_PATTERN.test(text);
}

/** What a person typed back, normalized: case and separators do not matter. */
export function normalizeRecoveryKeyInput(text: string): string {
  const chars = text.toLowerCase().replace(/[^a-z]/g, '');
  return chars.match(/.{1,8}/g)?.join('-') ?? '';
}
