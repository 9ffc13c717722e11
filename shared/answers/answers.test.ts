// The answers file's rules and what it means for first boot, on plain values.
import { describe, expect, it } from 'vitest';
import {
  answersChoices,
  answersUsbStick,
  canRunUnattended,
  fixedSections,
  isNamedStick,
  planAnswersProblems,
  recoveryKeyShown,
} from './answers-policy';
import type { Answers } from './answers-schema';
import { checkAnswers } from './check-answers';
import { findSecretFields } from './secret-fields';

const ESCROW = { publicKey: 'A'.repeat(43) };
const all: Answers = {
  schema: 1,
  organization: 'Org',
  locale: 'de',
  keyboard: { layout: 'de', variant: '' },
  accessibility: { highContrast: false, largeText: false, reduceMotion: false, screenReader: false },
  profile: 'common',
  apps: ['browser', 'editor', 'terminal'],
  encryption: { method: 'fido2', recoveryKey: true },
  escrow: ESCROW,
};

describe('checkAnswers', () => {
  it('accepts a complete file, and a file with nothing but the organization', () => {
    expect(checkAnswers(all)).toMatchObject({ ok: true });
    expect(checkAnswers({ schema: 1, organization: 'Org' })).toMatchObject({ ok: true });
  });

  it.each([
    [{ passphrase: 'x' }, '/passphrase'],
    [{ encryption: { method: 'passphrase', recoveryKey: true, pin: '1234' } }, '/encryption/pin'],
    [{ recoveryKey: 'abc' }, '/recoveryKey'],
    [{ escrow: { privateKey: 'x' } }, '/escrow/privateKey'],
    [{ note: 'cbdefghi-jklnrtuv-cbdefghi-jklnrtuv-cbdefghi-jklnrtuv-cbdefghi-jklnrtuv' }, '/note'],
    [{ note: '-----BEGIN PRIVATE KEY-----\nMC4CAQ\n-----END PRIVATE KEY-----' }, '/note'],
  ])('refuses a secret field (%j) as secret-field, before unknown fields', (extra, path) => {
    const r = checkAnswers({ ...all, ...extra });
    expect(r).toMatchObject({ ok: false, code: 'secret-field', problems: [{ path }] });
    expect(JSON.stringify(r)).not.toMatch(/cbdefghi|MC4CAQ/);
  });

  it('tells an unknown field from a broken rule', () => {
    expect(checkAnswers({ ...all, colour: 'blue' })).toMatchObject({ ok: false, code: 'unknown-field', problems: [{ path: '/colour' }] });
    expect(checkAnswers({ ...all, profile: 'huge' })).toMatchObject({
      ok: false,
      code: 'invalid-answers',
      problems: [{ path: '/profile' }],
    });
  });

  it.each([
    [{ apps: ['browser'] }, '/apps', /at least 2/],
    [{ profile: undefined }, '/apps', /need a profile/],
    [{ interactive: ['profile'] }, '/interactive', /apps cannot be fixed/],
    [{ encryption: { method: 'fido2', recoveryKey: false } }, '/encryption/recoveryKey', /always comes with a recovery key/],
    [{ encryption: { method: 'passphrase', recoveryKey: false } }, '/encryption/recoveryKey', /escrow needs a recovery key/],
    [{ interactive: ['locale', 'locale'] }, '/interactive/1', /named twice/],
    [{ keyboard: { layout: 'ara', variant: '' } }, '/keyboard', /no console keymap/],
    [{ startFresh: ['games'] }, '/startFresh/0', /not one of the apps/],
    [{ startFresh: ['editor', 'editor'] }, '/startFresh/1', /named twice/],
    [{ apps: undefined, startFresh: ['editor'] }, '/startFresh', /give apps too/],
    [{ encryption: { method: 'usb-key', recoveryKey: true } }, '/encryption/usbStick', /usb-key needs the stick/],
    [{ encryption: { method: 'usb-key', recoveryKey: true, usbStick: {} } }, '/encryption/usbStick', /usb-key needs the stick/],
    [
      { encryption: { method: 'fido2', recoveryKey: true, usbStick: { label: 'KEY' } } },
      '/encryption/usbStick',
      /only with method usb-key/,
    ],
    [
      { encryption: { method: 'usb-key', recoveryKey: false, usbStick: { label: 'KEY' } } },
      '/encryption/recoveryKey',
      /always comes with a recovery key/,
    ],
  ])('refuses %j', (change, path, rule) => {
    const r = checkAnswers({ ...all, ...change });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('invalid-answers');
    expect(r.problems.some((p) => p.path === path && rule.test(p.rule))).toBe(true);
  });

  it('checks app ids against the catalog it is given', () => {
    const catalog = ['browser', 'editor'].map((id) => ({ id, name: id, sizeBytes: 1, kind: 'app' as const }));
    expect(checkAnswers(all, { catalog })).toMatchObject({
      ok: false,
      problems: [{ path: '/apps/2', rule: '"terminal" is not an app VM of the catalog' }],
    });
  });
});

describe('what the answers mean', () => {
  it('fixes what it gives and does not name interactive', () => {
    expect(fixedSections(all)).toEqual(['locale', 'keyboard', 'accessibility', 'profile', 'apps', 'encryption']);
    expect(fixedSections({ ...all, interactive: ['encryption'] })).not.toContain('encryption');
    expect(fixedSections({ schema: 1, organization: 'O', profile: 'minimal' })).toEqual(['profile', 'apps']);
  });

  it('runs unattended only with everything fixed, no typed secret, and the recovery key escrowed', () => {
    expect(canRunUnattended(all)).toBe(true);
    expect(canRunUnattended({ ...all, escrow: undefined })).toBe(false); // someone must see the recovery key
    expect(canRunUnattended({ ...all, encryption: { method: 'passphrase', recoveryKey: true } })).toBe(false);
    expect(canRunUnattended({ ...all, interactive: ['accessibility'] })).toBe(false);
    expect(canRunUnattended({ ...all, locale: undefined })).toBe(false);
    // A key file on a named stick needs nobody either.
    expect(canRunUnattended({ ...all, encryption: { method: 'usb-key', recoveryKey: true, usbStick: { label: 'SPECTRUM-KEY' } } })).toBe(
      true,
    );
  });

  it('names a USB stick by label (any case) and UUID, and only when it fixes usb-key', () => {
    const usb: Answers = {
      ...all,
      encryption: { method: 'usb-key', recoveryKey: true, usbStick: { label: 'Spectrum-Key', fsUuid: '26A1-B09E' } },
    };
    expect(checkAnswers(usb)).toMatchObject({ ok: true });
    const named = answersUsbStick(usb)!;
    expect(isNamedStick(named, { label: 'SPECTRUM-KEY', fsUuid: '26a1-b09e' })).toBe(true);
    expect(isNamedStick(named, { label: 'SPECTRUM-KEY', fsUuid: '11A1-B09E' })).toBe(false);
    expect(isNamedStick({ label: 'SPECTRUM-KEY' }, { label: null, fsUuid: '26A1-B09E' })).toBe(false);
    expect(answersUsbStick({ ...usb, interactive: ['encryption'] })).toBeNull();
    expect(answersUsbStick(all)).toBeNull();
  });

  it('shows the recovery key unless the encryption is fixed and escrowed', () => {
    expect(recoveryKeyShown(all)).toBe(false);
    expect(recoveryKeyShown({ ...all, interactive: ['encryption'] })).toBe(true);
    expect(recoveryKeyShown({ ...all, escrow: undefined })).toBe(true);
  });

  it('pre-fills the choices; escrow turns the recovery key on', () => {
    expect(answersChoices({ ...all, encryption: { method: 'passphrase', recoveryKey: true } })).toMatchObject({
      locale: 'de',
      profile: 'common',
      encryption: { method: 'passphrase', recoveryKey: true },
    });
    expect(answersChoices({ schema: 1, organization: 'O', profile: 'minimal' })).toEqual({ profile: 'minimal', apps: [] });
    expect(answersChoices({ ...all, startFresh: ['terminal'] })).toMatchObject({
      apps: ['browser', 'editor', 'terminal'],
      transientApps: ['terminal'],
    });
  });

  it('finds where a plan departs from the fixed sections', () => {
    const plan = {
      locale: 'de',
      keyboard: { layout: 'de', variant: '' },
      accessibility: { highContrast: false, largeText: true, reduceMotion: false, screenReader: false },
      profile: 'common',
      vms: { system: [], apps: ['terminal', 'editor', 'browser'] },
      encryption: { method: 'fido2', recoveryKey: true },
    } as unknown as Parameters<typeof planAnswersProblems>[0];
    expect(planAnswersProblems(plan, all).map((p) => p.path)).toEqual(['/accessibility/largeText']);
    expect(planAnswersProblems(plan, { ...all, interactive: ['accessibility'] })).toEqual([]);
    // Which apps keep their files is part of the apps section.
    const keepingAll = {
      ...plan,
      accessibility: { ...plan.accessibility, largeText: false },
      vms: { ...plan.vms, persistent: ['browser', 'editor', 'terminal'] },
    };
    expect(planAnswersProblems(keepingAll, all)).toEqual([]);
    expect(planAnswersProblems(keepingAll, { ...all, startFresh: ['terminal'] }).map((p) => p.path)).toEqual(['/vms/persistent']);
    expect(
      planAnswersProblems(
        { ...keepingAll, vms: { ...keepingAll.vms, persistent: ['browser', 'editor'] } },
        { ...all, startFresh: ['terminal'] },
      ),
    ).toEqual([]);
  });

  it('finds nothing secret in a clean file', () => {
    expect(findSecretFields(all)).toEqual([]);
  });
});
