// The recovery-key rule, stated once: FIDO2 and the USB key always come with a recovery key.
import { describe, expect, it } from 'vitest';
import { buildPlanPayload } from './build-plan';
import type { Choices } from './choices';
import { ENCRYPTION_METHODS, makesRecoveryKey } from './unlock-methods';

const choices = (method: Choices['encryption']['method'], recoveryKey: boolean): Choices => ({
  locale: 'en',
  keyboard: { layout: 'us', variant: '' },
  accessibility: { highContrast: false, largeText: false, reduceMotion: false, screenReader: false },
  profile: 'minimal',
  apps: [],
  encryption: {
    method,
    recoveryKey,
    ...(method === 'usb-key' ? { usbKey: { stick: 'usb-1', fsUuid: '1234-ABCD', fsType: 'vfat' as const } } : {}),
  },
});
const ctx = { installId: 'i', session: 's', nonce: 'n', createdAt: '2026-01-01T00:00:00Z', sealed: { enc: 'e', ct: 'c' }, fido2: null };

describe('which methods make a recovery key', () => {
  it.each([
    ['passphrase', false, false],
    ['passphrase', true, true],
    ['fido2', false, true],
    ['usb-key', false, true],
  ] as const)('%s with the person asking %s: %s, in the rule and in the plan', (method, asked, made) => {
    expect(makesRecoveryKey({ method, recoveryKey: asked })).toBe(made);
    expect(buildPlanPayload(choices(method, asked), ctx).encryption.recoveryKey).toBe(made);
  });

  it('no method chosen yet makes none', () => {
    expect(makesRecoveryKey({ method: null, recoveryKey: true })).toBe(false);
  });

  it('covers every method', () => {
    expect([...ENCRYPTION_METHODS].sort()).toEqual(['fido2', 'passphrase', 'usb-key']);
  });
});
