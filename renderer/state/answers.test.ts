// The wizard with an organization's answers: what is filled in, which pages are left, the
// unattended run and where it stops for a person.
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../shared/answers/answers-schema';
import { fail, helperInfo, ok } from '../test-support/fake-api';
import { makeStore, settle } from '../test-support/fake-deps';
import { wizardPages } from './answers';
import { validatePage } from './validators';

const DIGEST = 'ab'.repeat(32);
const fixed: Answers = {
  schema: 1,
  organization: 'Example IT',
  locale: 'fi',
  keyboard: { layout: 'fi', variant: '' },
  accessibility: { highContrast: false, largeText: true, reduceMotion: false, screenReader: false },
  profile: 'common',
  apps: ['browser', 'editor', 'terminal'],
};
const offered = (answers: Answers) => helperInfo({ answers: { status: 'offered', digest: DIGEST, keyId: 'cd'.repeat(32), answers } });
const params = {
  credential: 'AAAA',
  salt: 'A'.repeat(43) + '=',
  rp: 'io.systemd.cryptsetup' as const,
  clientPinRequired: false,
  upRequired: true,
  uvRequired: false,
};
const key = (id: string, hasPin = false) => ({ id, name: id, hasPin, simulated: true });

async function started(handlers: Parameters<typeof makeStore>[0]) {
  const ctx = makeStore(handlers);
  await ctx.store.getState().start();
  await settle();
  return ctx;
}

describe('answers in the wizard', () => {
  it('fills in the fixed sections and starts on the first page left to ask', async () => {
    const { store } = await started({ 'helper.info': () => ok(offered(fixed)) });
    const s = store.getState();
    expect(s.choices).toMatchObject({
      locale: 'fi',
      keyboard: { layout: 'fi' },
      keyboardChosen: true,
      profile: 'common',
      apps: ['browser', 'editor', 'terminal'],
    });
    expect(s.choices.accessibility.largeText).toBe(true);
    expect(s.nav.page).toBe('encryption');
    expect(wizardPages(s)).toEqual(['encryption', 'summary']);
    s.setEncryptionMethod('passphrase'); // with a recovery key, as offered
    expect(wizardPages(store.getState())).toEqual(['encryption', 'recovery', 'summary']);
    expect(s.unattended).toBe('off');
  });

  it('keeps the language fixed: the language menu cannot change it', async () => {
    const { store } = await started({ 'helper.info': () => ok(offered(fixed)) });
    store.getState().setLocale('de');
    expect(store.getState().choices.locale).toBe('fi');
  });

  it('only pre-fills an interactive section', async () => {
    const { store } = await started({ 'helper.info': () => ok(offered({ ...fixed, interactive: ['profile', 'apps'] })) });
    expect(store.getState().choices.profile).toBe('common');
    expect(wizardPages(store.getState())).toEqual(['profile', 'apps', 'encryption', 'summary']);
    store.getState().setProfile('power');
    expect(store.getState().choices.profile).toBe('power');
  });

  it('keeps the recovery key on when the answers escrow it', async () => {
    const { store } = await started({ 'helper.info': () => ok(offered({ ...fixed, escrow: { publicKey: 'A'.repeat(43) } })) });
    store.getState().setEncryptionMethod('passphrase');
    store.getState().setRecoveryKeyWanted(false);
    expect(store.getState().choices.encryption.recoveryKey).toBe(true);
  });

  it('runs unattended: sets up the one security key and installs, with a recovery key made for escrow', async () => {
    const answers: Answers = { ...fixed, encryption: { method: 'fido2', recoveryKey: true }, escrow: { publicKey: 'A'.repeat(43) } };
    const { store, fake } = await started({
      'helper.info': () => ok(offered(answers)),
      'fido2.devices': () => ok({ devices: [key('sim:no-pin')], toolsMissing: false }),
      'fido2.enroll': () => ok({ enrollmentId: 'enr-1', params, verified: true }),
      'install.start': () => ok({ planId: 'ef'.repeat(32), steps: [] }),
    });
    await settle();
    const [request] = fake.callsOf('install.start') as {
      choices: { encryption: unknown };
      secrets: { fido2EnrollmentId?: string; recoveryKey?: string };
    }[];
    expect(request).toBeDefined();
    expect(request!.choices.encryption).toEqual({ method: 'fido2', recoveryKey: true });
    expect(request!.secrets.fido2EnrollmentId).toBe('enr-1');
    expect(request!.secrets.recoveryKey).toMatch(/^[cbdefghijklnrtuv]{8}(-[cbdefghijklnrtuv]{8}){7}$/);
    expect(store.getState().nav.page).toBe('progress');
  });

  it('while the run sets up the key, the Summary reports nothing missing and the run owns Install', async () => {
    const answers: Answers = { ...fixed, encryption: { method: 'fido2', recoveryKey: true }, escrow: { publicKey: 'A'.repeat(43) } };
    let release: (v: unknown) => void = () => undefined;
    const { store } = await started({
      'helper.info': () => ok(offered(answers)),
      'fido2.devices': () => ok({ devices: [key('sim:no-pin')], toolsMissing: false }),
      'fido2.enroll': () => new Promise((resolve) => (release = resolve)).then(() => ok({ enrollmentId: 'enr-1', params, verified: true })),
    });
    const s = store.getState();
    expect(s.unattended).toBe('running');
    expect(s.nav.page).toBe('summary');
    expect(validatePage('summary', s)).toEqual({ ok: true, reasons: [] });
    release(null);
  });

  it.each([
    [[key('a'), key('b')], 'severalKeys'],
    [[key('a', true)], 'keyPin'],
    [[], 'noKey'],
  ])('stops for a person with %j and says why', async (devices, reason) => {
    const answers: Answers = { ...fixed, encryption: { method: 'fido2', recoveryKey: true }, escrow: { publicKey: 'A'.repeat(43) } };
    const { store, fake } = await started({
      'helper.info': () => ok(offered(answers)),
      'fido2.devices': () => ok({ devices, toolsMissing: false }),
    });
    await settle();
    expect(store.getState()).toMatchObject({ unattended: 'needs-person', unattendedStop: reason, nav: { page: 'encryption' } });
    expect(fake.callsOf('install.start')).toEqual([]);
  });

  describe('a USB stick as the key', () => {
    const usbAnswers: Answers = {
      ...fixed,
      encryption: { method: 'usb-key', recoveryKey: true, usbStick: { label: 'SPECTRUM-KEY' } },
      escrow: { publicKey: 'A'.repeat(43) },
    };
    const stick = (id: string, label: string | null, problem: 'read-only' | null = null) => ({
      id,
      label,
      sizeBytes: 16e9,
      vendor: 'Sandbox',
      model: id,
      fsType: 'vfat',
      fsUuid: `${id.length.toString(16).padStart(4, '0')}-B09E`,
      problem,
    });

    it('runs unattended: picks the stick the answers name (its label in any case) and installs', async () => {
      const { store, fake } = await started({
        'helper.info': () => ok(offered(usbAnswers)),
        'usb.drives': () => ok({ drives: [stick('usb/other.img', 'PHOTOS'), stick('usb/key.img', 'spectrum-key')] }),
        'install.start': () => ok({ planId: 'ef'.repeat(32), steps: [] }),
      });
      await settle();
      const [request] = fake.callsOf('install.start') as { choices: { encryption: unknown } }[];
      expect(request!.choices.encryption).toEqual({
        method: 'usb-key',
        recoveryKey: true,
        usbKey: { stick: 'usb/key.img', fsUuid: stick('usb/key.img', null).fsUuid, fsType: 'vfat' },
      });
      expect(store.getState().nav.page).toBe('progress');
    });

    it.each([
      [[stick('usb/other.img', 'PHOTOS')], 'noStick'],
      [[stick('usb/key.img', 'SPECTRUM-KEY', 'read-only')], 'noStick'],
      [[stick('usb/a.img', 'SPECTRUM-KEY'), stick('usb/bb.img', 'SPECTRUM-KEY')], 'severalSticks'],
    ])('stops for a person with %j and says why', async (drives, reason) => {
      const { store, fake } = await started({ 'helper.info': () => ok(offered(usbAnswers)), 'usb.drives': () => ok({ drives }) });
      await settle();
      expect(store.getState()).toMatchObject({ unattended: 'needs-person', unattendedStop: reason, nav: { page: 'encryption' } });
      expect(fake.callsOf('install.start')).toEqual([]);
    });

    it('at the machine, only the named stick can be chosen, and the method stays', async () => {
      const { store } = await started({
        'helper.info': () => ok(offered({ ...usbAnswers, escrow: undefined })),
        'usb.drives': () => ok({ drives: [stick('usb/other.img', 'PHOTOS'), stick('usb/key.img', 'SPECTRUM-KEY')] }),
      });
      await store.getState().refreshUsbDrives();
      // The one stick it may be is taken at once; another cannot be chosen.
      expect(store.getState().choices.encryption.usbKey?.stick).toBe('usb/key.img');
      store.getState().chooseUsbDrive('usb/other.img');
      expect(store.getState().choices.encryption.usbKey?.stick).toBe('usb/key.img');
      store.getState().setEncryptionMethod('passphrase');
      expect(store.getState().choices.encryption.method).toBe('usb-key');
    });
  });

  it('does not run unattended when the recovery key would be shown (no escrow)', async () => {
    const { store, fake } = await started({
      'helper.info': () => ok(offered({ ...fixed, encryption: { method: 'fido2', recoveryKey: true } })),
      'fido2.devices': () => fail('fido2-no-device'),
    });
    expect(store.getState().unattended).toBe('off');
    expect(fake.callsOf('fido2.devices')).toEqual([]);
    expect(wizardPages(store.getState())).toEqual(['encryption', 'recovery', 'summary']);
  });

  it('uses nothing of a refused file', async () => {
    const { store } = await started({
      'helper.info': () => ok(helperInfo({ answers: { status: 'refused', code: 'bad-signature', message: 'changed' } })),
    });
    expect(store.getState().nav.page).toBe('welcome');
    expect(store.getState().choices.profile).toBeNull();
    expect(wizardPages(store.getState())).toContain('welcome');
  });
});
