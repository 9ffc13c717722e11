// One set of passphrase limits: the wizard's policy, the install.start contract and the sealed
// secrets agree on what they refuse.
import { describe, expect, it } from 'vitest';
import { ipcContract } from '../ipc/contract';
import { SealedSecretsSchema } from '../protocol/seal';
import { PASSPHRASE_MAX_CODE_POINTS, PASSPHRASE_MAX_UTF8_BYTES, PASSPHRASE_WIRE_MAX_UTF16_UNITS, passphraseProblem } from './secret-policy';

const installStart = ipcContract['install.start'].request;
const request = (passphrase: string) => ({
  installId: 'AAAAAAAAAAAAAAAAAAAAAA',
  choices: {
    locale: 'en',
    keyboard: { layout: 'us', variant: '' },
    accessibility: { highContrast: false, largeText: false, reduceMotion: false, screenReader: false },
    profile: 'minimal',
    apps: [],
    encryption: { method: 'passphrase', recoveryKey: false },
  },
  secrets: { passphrase },
});

describe('passphrase limits', () => {
  it('refuses a control character in the policy and in the install.start contract alike', () => {
    for (const text of ['correct horse\tbattery', 'correct horse\nbattery', 'correct horse\u007fbattery']) {
      expect(passphraseProblem(text)).toBe('control-character');
      expect(installStart.safeParse(request(text)).success).toBe(false);
    }
    expect(passphraseProblem('correct horse battery')).toBeNull();
    expect(installStart.safeParse(request('correct horse battery')).success).toBe(true);
  });

  it('lets an over-long passphrase through the wire bound, so the policy names it (docs/protocol.md §5.5)', () => {
    const overLong = 'a'.repeat(PASSPHRASE_MAX_CODE_POINTS + 1);
    expect(passphraseProblem(overLong)).toBe('too-long');
    expect(SealedSecretsSchema.safeParse({ passphrase: overLong }).success).toBe(true);
    expect(installStart.safeParse(request(overLong)).success).toBe(true);
  });

  it('derives the wire bound from the policy: anything the policy accepts fits it, and no more than a fixed multiple', () => {
    // A passphrase within PASSPHRASE_MAX_UTF8_BYTES bytes has at most that many UTF-16 units.
    expect(PASSPHRASE_WIRE_MAX_UTF16_UNITS).toBeGreaterThanOrEqual(PASSPHRASE_MAX_UTF8_BYTES);
    const tooBig = 'a'.repeat(PASSPHRASE_WIRE_MAX_UTF16_UNITS + 1);
    expect(SealedSecretsSchema.safeParse({ passphrase: tooBig }).success).toBe(false);
    expect(installStart.safeParse(request(tooBig)).success).toBe(false);
  });
});
