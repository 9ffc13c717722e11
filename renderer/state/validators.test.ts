import { describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { helperInfo } from '../test-support/fake-api';
import { initialData } from './defaults';
import type { WizardData } from './types';
import { firstInvalidPage, validateApps, validateEncryption, validateProfile, validateRecovery, validateWelcome } from './validators';

const base = (): WizardData => ({
  ...initialData({ locale: 'en', prefersHighContrast: false, prefersReducedMotion: false }),
  boot: { status: 'ready', attempts: 1, nextTryAt: null, fatalCode: null, app: null, helper: helperInfo() },
});

function withChoices(change: Partial<WizardData['choices']>, data = base()): WizardData {
  return { ...data, choices: { ...data.choices, ...change } };
}

function withSecrets(change: Partial<WizardData['secrets']>, data = base()): WizardData {
  return { ...data, secrets: { ...data.secrets, ...change } };
}

const keys = (v: { reasons: readonly { key: string }[] }) => v.reasons.map((r) => r.key);

describe('validators', () => {
  it('welcome passes with a known language and layout, fails otherwise', () => {
    expect(validateWelcome(base()).ok).toBe(true);
    expect(keys(validateWelcome(withChoices({ keyboard: { layout: 'zz', variant: '' } })))).toEqual(['welcome:cannotContinue.keyboard']);
  });

  it('profile needs a choice', () => {
    expect(validateProfile(base()).ok).toBe(false);
    expect(validateProfile(withChoices({ profile: 'minimal' })).ok).toBe(true);
  });

  it('apps: each profile rule has its own reason', () => {
    expect(validateApps(withChoices({ profile: 'common', apps: ['browser', 'editor', 'terminal'] })).ok).toBe(true);
    expect(keys(validateApps(withChoices({ profile: 'common', apps: ['editor', 'terminal'] })))).toEqual([
      'apps:cannotContinue.browserMissing',
    ]);
    expect(keys(validateApps(withChoices({ profile: 'common', apps: ['browser', 'editor'] })))).toEqual(['apps:cannotContinue.tooFew']);
    expect(keys(validateApps(withChoices({ profile: 'common', apps: ['browser', 'editor', 'terminal', 'mail', 'chat'] })))).toEqual([
      'apps:cannotContinue.tooMany',
    ]);
    expect(keys(validateApps(withChoices({ profile: 'common', apps: ['browser', 'editor', 'terminal', 'nixos'] })))).toEqual([
      'apps:cannotContinue.nixosNotAllowed',
    ]);
    expect(keys(validateApps(withChoices({ profile: 'power', apps: ['browser', 'editor', 'terminal'] })))).toEqual([
      'apps:cannotContinue.nixosMissing',
    ]);
    expect(keys(validateApps(withChoices({ profile: 'minimal', apps: ['browser'] })))).toEqual(['apps:cannotContinue.minimalHasApps']);
  });

  it('apps: unknown ids and too little space are reasons', () => {
    expect(keys(validateApps(withChoices({ profile: 'common', apps: ['browser', 'editor', 'ghost'] })))).toEqual([
      'apps:cannotContinue.unknownApp',
    ]);
    const small = base();
    const tight: WizardData = {
      ...small,
      boot: { ...small.boot, helper: helperInfo({ machine: { userDataBytes: 1e9, memoryBytes: 1 } }) },
    };
    const v = validateApps(withChoices({ profile: 'minimal', apps: [] }, tight));
    expect(keys(v)).toEqual(['apps:cannotContinue.noSpace']);
    expect(v.reasons[0]!.values).toMatchObject({ have: 1e9 });
  });

  it('encryption: method first, then length, typeability and the rehearsal that confirms it', () => {
    expect(keys(validateEncryption(base()))).toEqual(['encryption:cannotContinue.chooseMethod']);
    const pass = withChoices({ encryption: { method: 'passphrase', recoveryKey: true } });
    expect(keys(validateEncryption(pass))).toEqual(['encryption:cannotContinue.tooShort']);
    const ok = withSecrets(
      { passphrase: 'long enough', rehearsal: 'long enough', passphraseRevision: 1, passphraseStrength: { revision: 1, score: 3 } },
      pass,
    );
    expect(validateEncryption(ok).ok).toBe(true);
    expect(keys(validateEncryption({ ...ok, secrets: { ...ok.secrets, rehearsal: 'long enougH' } }))).toEqual([
      'encryption:cannotContinue.rehearsalMismatch',
    ]);
    expect(keys(validateEncryption({ ...ok, secrets: { ...ok.secrets, rehearsal: '' } }))).toEqual([
      'encryption:cannotContinue.rehearsalMismatch',
    ]);
  });

  it('encryption: a guessable passphrase blocks, and so does one whose strength is not known yet', () => {
    const text = 'password1';
    const typed = (strength: { revision: number; score: number } | null) =>
      withSecrets(
        { passphrase: text, rehearsal: text, passphraseRevision: 2, passphraseStrength: strength },
        withChoices({ encryption: { method: 'passphrase', recoveryKey: false } }),
      );
    expect(keys(validateEncryption(typed(null)))).toEqual(['encryption:cannotContinue.strengthPending']);
    expect(keys(validateEncryption(typed({ revision: 1, score: 4 })))).toEqual(['encryption:cannotContinue.strengthPending']);
    expect(keys(validateEncryption(typed({ revision: 2, score: 1 })))).toEqual(['encryption:cannotContinue.tooWeak']);
    expect(validateEncryption(typed({ revision: 2, score: 2 })).ok).toBe(true);
  });

  it('encryption: characters the unlock layout cannot type block, per layout', () => {
    const text = 'grüße aus köln';
    const typed = (layout: string) =>
      withSecrets(
        { passphrase: text, rehearsal: text, passphraseRevision: 1, passphraseStrength: { revision: 1, score: 4 } },
        withChoices({ keyboard: { layout, variant: '' }, encryption: { method: 'passphrase', recoveryKey: false } }),
      );
    const us = validateEncryption(typed('us'));
    expect(keys(us)).toEqual(['encryption:cannotContinue.untypeable']);
    expect(us.reasons[0]!.values).toMatchObject({ chars: 'ü ß ö', count: 3 });
    expect(validateEncryption(typed('de')).ok).toBe(true);
  });

  it('encryption: FIDO2 needs a verified enrollment', () => {
    const f = withChoices({ encryption: { method: 'fido2', recoveryKey: true } });
    expect(keys(validateEncryption(f))).toEqual(['encryption:cannotContinue.fido2NotEnrolled']);
    const params = {
      credential: 'AA==',
      salt: 'AA==',
      rp: 'io.systemd.cryptsetup' as const,
      clientPinRequired: false,
      upRequired: true,
      uvRequired: false,
    };
    const enrolled = { ...f, fido2: { ...f.fido2, enrollment: { enrollmentId: 'e', params, verified: false, deviceName: 'k' } } };
    expect(keys(validateEncryption(enrolled))).toEqual(['encryption:cannotContinue.fido2NotVerified']);
    expect(
      validateEncryption({ ...enrolled, fido2: { ...enrolled.fido2, enrollment: { ...enrolled.fido2.enrollment, verified: true } } }).ok,
    ).toBe(true);
  });

  it('recovery: the asked group typed back, any case and spacing', () => {
    const key = formatRecoveryKey(new Uint8Array(32).map((_, i) => i * 7));
    const group = key.split('-')[5]!;
    const r = withSecrets({ recoveryKey: key, recoveryGroup: 5 }, withChoices({ encryption: { method: 'passphrase', recoveryKey: true } }));
    expect(keys(validateRecovery(r))).toEqual(['recovery:cannotContinue.confirmEmpty']);
    expect(keys(validateRecovery({ ...r, secrets: { ...r.secrets, recoveryConfirm: key.split('-')[4]! } }))).toEqual([
      'recovery:cannotContinue.confirmMismatch',
    ]);
    expect(
      validateRecovery({ ...r, secrets: { ...r.secrets, recoveryConfirm: ` ${group.slice(0, 4).toUpperCase()} ${group.slice(4)} ` } }).ok,
    ).toBe(true);
    expect(validateRecovery(withChoices({ encryption: { method: 'passphrase', recoveryKey: false } })).ok).toBe(true);
  });

  it('firstInvalidPage walks the active pages in order', () => {
    expect(firstInvalidPage(base(), 'summary')).toBe('profile');
    const d = withChoices({ profile: 'minimal', encryption: { method: 'passphrase', recoveryKey: false } });
    expect(firstInvalidPage(d, 'summary')).toBe('encryption');
    expect(firstInvalidPage(d, 'encryption')).toBeNull();
  });
});
