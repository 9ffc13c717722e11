import { describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../plan/recovery-key';
import { utf8Decode, utf8Encode } from '../util/bytes';
import { recoveryKeyFromTyped } from './typed-key';

const key = formatRecoveryKey(new Uint8Array(32).map((_, i) => i * 7));
const recognise = (text: string) => {
  const r = recoveryKeyFromTyped(utf8Encode(text));
  return r === null ? null : utf8Decode(r);
};

describe('a recovery key typed at the prompt', () => {
  it('is recognised as systemd wrote it', () => {
    expect(recognise(key)).toBe(key);
  });

  it('is recognised in capitals, without dashes, or with spaces', () => {
    expect(recognise(key.toUpperCase())).toBe(key);
    expect(recognise(key.replace(/-/g, ''))).toBe(key);
    expect(recognise(key.replace(/-/g, ' '))).toBe(key);
    expect(recognise(`  ${key.slice(0, 20).toUpperCase()}${key.slice(20)} `)).toBe(key);
  });

  it('is not a passphrase that merely looks close', () => {
    expect(recognise(key.slice(0, -1))).toBeNull(); // one character short
    expect(recognise(key + 'c')).toBeNull(); // one too many
    expect(recognise(key.replace(/^c|^./, 'a'))).toBeNull(); // a letter outside modhex
    expect(recognise('correct horse battery staple')).toBeNull();
    expect(recognise('')).toBeNull();
  });
});
