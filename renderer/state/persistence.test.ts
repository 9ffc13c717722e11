// The saved state through the real path: zustand's persist, the IPC storage, the schema's read-back.
import { describe, expect, it } from 'vitest';
import type { PersistedWizardState } from '../../shared/ipc/contract';
import { ok } from '../test-support/fake-api';
import { makeStore, settle } from '../test-support/fake-deps';
import { defaultChoices } from './defaults';
import { PERSIST_VERSION } from './persistence';

const defaults = defaultChoices({ locale: 'en', prefersHighContrast: false, prefersReducedMotion: false });
const INSTALL_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

/** A wizard started on `file` as the saved state. */
async function startedOn(file: PersistedWizardState | null) {
  const ctx = makeStore({ 'wizardState.load': () => ok(file) });
  await ctx.store.getState().start();
  await settle();
  return ctx;
}

function savedFiles(ctx: Awaited<ReturnType<typeof startedOn>>): PersistedWizardState[] {
  ctx.timers.advance(1000);
  return ctx.fake.callsOf('wizardState.save') as PersistedWizardState[];
}

describe('saved state', () => {
  it('is written in the current version with the store slices it keeps, and no secret', async () => {
    const ctx = await startedOn(null);
    const s = () => ctx.store.getState();
    s().next();
    s().setProfile('common');
    s().setEncryptionMethod('passphrase');
    s().setSecret('passphrase', 'never written down');
    s().setSecret('fido2Pin', '424242');
    const [file, ...more] = savedFiles(ctx);
    expect(more).toEqual([]);
    expect(file).toEqual({
      version: PERSIST_VERSION,
      data: {
        nav: { page: 'profile', furthest: 'profile' },
        choices: {
          ...defaults,
          keyboardChosen: true,
          profile: 'common',
          apps: ['browser', 'editor', 'terminal'],
          encryption: { method: 'passphrase', withRecovery: true },
        },
        install: { installId: null, planId: null },
      },
    });
    expect(JSON.stringify(file)).not.toMatch(/never written down|424242/);
  });

  it('reads a version 1 file (the layout before ADR 110) and writes it anew only once a choice changes', async () => {
    const stick = { stick: 'usb-1', fsUuid: '1234-ABCD', fsType: 'vfat' as const };
    const ctx = await startedOn({
      version: 1,
      data: {
        page: 'apps',
        furthest: 'encryption',
        choices: {
          ...defaults,
          locale: 'fi',
          profile: 'power',
          apps: ['nixos'],
          encryption: { method: 'usb-key', withRecovery: false, stick },
        },
        installId: INSTALL_ID,
        planId: null,
      },
    });
    const s = ctx.store.getState();
    expect(s.choices).toMatchObject({
      locale: 'fi',
      profile: 'power',
      encryption: { method: 'usb-key', recoveryKey: false, usbKey: stick },
    });
    expect(s.nav).toMatchObject({ page: 'apps', furthest: 'encryption' });
    expect(s.install.installId).toBe(INSTALL_ID);
    expect(savedFiles(ctx)).toEqual([]);
    s.setAccessibility({ largeText: true });
    const [file] = savedFiles(ctx);
    expect(file).toMatchObject({
      version: PERSIST_VERSION,
      data: { nav: { page: 'apps' }, choices: { locale: 'fi', encryption: { method: 'usb-key', usbKey: stick } } },
    });
  });

  it('keeps every field that reads well and falls back field by field on anything odd', async () => {
    const ctx = await startedOn({
      version: PERSIST_VERSION,
      data: {
        nav: { page: 'apps', furthest: 'nonsense' },
        choices: {
          locale: 'fi',
          keyboard: { layout: 'nope', variant: '' },
          accessibility: { largeText: true, highContrast: 'yes' },
          profile: 'power',
          apps: ['browser', 3],
          encryption: { method: 'fido2', withRecovery: false },
        },
        install: { installId: INSTALL_ID, planId: 'not-a-plan' },
        passphrase: 'must be ignored',
      },
    });
    const s = ctx.store.getState();
    expect(s.nav).toMatchObject({ page: 'apps', furthest: 'apps' });
    expect(s.install).toMatchObject({ installId: INSTALL_ID, planId: null });
    expect(s.choices).toEqual({
      ...defaults,
      locale: 'fi',
      accessibility: { ...defaults.accessibility, largeText: true },
      profile: 'power',
      // The odd app list read as none chosen: the profile's preset fills it in again.
      apps: ['browser', 'editor', 'terminal', 'nixos'],
      encryption: { method: 'fido2', recoveryKey: false },
    });
    expect(JSON.stringify(s)).not.toContain('must be ignored');
  });

  it('an unreadable file or one of an unknown version starts fresh, and stays on disk until a choice changes', async () => {
    for (const file of [
      { version: PERSIST_VERSION + 1, data: { nav: { page: 'summary' } } },
      { version: PERSIST_VERSION, data: { nav: 'summary', choices: ['fi'], install: 7 } },
    ]) {
      const ctx = await startedOn(file);
      expect(ctx.store.getState().nav.page).toBe('welcome');
      expect(ctx.store.getState().choices).toEqual(defaults);
      expect(ctx.store.getState().boot.status).toBe('ready');
      expect(savedFiles(ctx)).toEqual([]);
      ctx.store.getState().setLocale('de');
      expect(savedFiles(ctx)).toHaveLength(1);
    }
  });

  it('a change still waiting for its quiet moment is written at once when the page goes away or the store is let go', async () => {
    const ctx = await startedOn(null);
    ctx.store.getState().setLocale('de');
    expect(ctx.fake.callsOf('wizardState.save')).toEqual([]);
    ctx.store.getState().saveNow();
    expect(ctx.fake.callsOf('wizardState.save')).toMatchObject([{ data: { choices: { locale: 'de' } } }]);
    ctx.store.getState().setLocale('fi');
    ctx.store.getState().dispose();
    expect(ctx.fake.callsOf('wizardState.save')).toMatchObject([{}, { data: { choices: { locale: 'fi' } } }]);
    ctx.timers.advance(1000);
    expect(ctx.fake.callsOf('wizardState.save')).toHaveLength(2);
  });
});
