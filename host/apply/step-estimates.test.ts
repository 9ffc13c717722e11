import { describe, expect, it } from 'vitest';
import type { PlanPayload } from '../../shared/plan/plan-schema';
import { ARGON2ID_ITER_TIME_MS, ARGON2ID_KDF, FAST_ARGON2ID_KDF } from '../luks/cryptsetup';
import { derivationMsOf, expectedMs, measuredDerivationMs } from './step-estimates';

const plan = (method: 'passphrase' | 'fido2', recoveryKey: boolean) =>
  ({
    encryption: { method, recoveryKey },
    vms: { system: ['netvm', 'guivm', 'usbvm'], apps: ['browser', 'editor'] },
  }) as unknown as PlanPayload;

describe('step estimates', () => {
  it('know the key derivation from the helper’s own cryptsetup arguments', () => {
    expect(derivationMsOf(ARGON2ID_KDF)).toBe(ARGON2ID_ITER_TIME_MS);
    expect(derivationMsOf(FAST_ARGON2ID_KDF)).toBeLessThan(200);
  });

  it('count the derivations each step does for the plan', () => {
    const d = ARGON2ID_ITER_TIME_MS;
    const withKey = plan('passphrase', true);
    expect(expectedMs('userdata-format', withKey, d)).toBeGreaterThanOrEqual(2 * d);
    expect(expectedMs('userdata-enroll', withKey, d)).toBeGreaterThanOrEqual(d);
    expect(expectedMs('userdata-enroll', plan('passphrase', false), d)).toBeLessThan(d);
    // A security key's keyslot uses the cheap KDF: no argon2id wait.
    expect(expectedMs('userdata-format', plan('fido2', true), d)).toBeLessThan(d);
  });

  it('learn the real cost from a finished luksFormat', () => {
    const slow = measuredDerivationMs(11_000, plan('passphrase', true))!;
    expect(slow).toBeGreaterThan(ARGON2ID_ITER_TIME_MS);
    expect(expectedMs('userdata-enroll', plan('passphrase', true), slow)).toBeGreaterThan(
      expectedMs('userdata-enroll', plan('passphrase', true), ARGON2ID_ITER_TIME_MS),
    );
    expect(measuredDerivationMs(11_000, plan('fido2', true))).toBeNull();
  });
});
