import { describe, expect, it } from 'vitest';
import { isRecoveryKey } from '../../shared/plan/recovery-key';
import { fail, helperInfo, ok } from '../test-support/fake-api';
import { makeStore, settle } from '../test-support/fake-deps';
import type { PersistedWizardState } from '../../shared/ipc/contract';
import { partialize } from './persistence';
import type { WizardStoreApi } from './store';

const PASS = 'correct horse battery staple';
const PLAN_ID = 'a'.repeat(64);

async function started(handlers: Parameters<typeof makeStore>[0] = {}) {
  const ctx = makeStore(handlers);
  await ctx.store.getState().start();
  await settle();
  return ctx;
}

/** What the store wrote last through wizardState.save, once its quiet moment passed. */
function lastSaved(ctx: Awaited<ReturnType<typeof started>>): PersistedWizardState {
  ctx.timers.advance(1000);
  const saved = ctx.fake.callsOf('wizardState.save').at(-1);
  expect(saved, 'something was saved').toBeDefined();
  return saved as PersistedWizardState;
}

function enterPassphrase(store: WizardStoreApi, text = PASS) {
  const s = store.getState();
  s.setEncryptionMethod('passphrase');
  s.setSecret('passphrase', text);
  s.setSecret('rehearsal', text);
  s.setPassphraseStrength(text, 4); // as the strength meter reports it
}

function confirmRecovery(store: WizardStoreApi) {
  const { recoveryKey, recoveryGroup } = store.getState().secrets;
  store.getState().setSecret('recoveryConfirm', recoveryKey!.split('-')[recoveryGroup]!);
}

/** Walks a fresh wizard to the summary with Common and a passphrase. */
function walkToSummary(store: WizardStoreApi) {
  const s = () => store.getState();
  expect(s().next()).toBe(true); // welcome
  s().setProfile('common');
  expect(s().next()).toBe(true); // profile
  expect(s().next()).toBe(true); // apps (preset is valid)
  enterPassphrase(store);
  expect(s().next()).toBe(true); // encryption
  expect(s().nav.page).toBe('recovery');
  confirmRecovery(store);
  expect(s().next()).toBe(true); // recovery
  expect(s().nav.page).toBe('summary');
}

describe('wizard store: navigation', () => {
  it('starts on welcome once the helper answered', async () => {
    const { store } = await started();
    expect(store.getState().boot.status).toBe('ready');
    expect(store.getState().nav.page).toBe('welcome');
  });

  it('does not leave a page that does not validate, and marks it so reasons show', async () => {
    const { store } = await started();
    store.getState().next();
    expect(store.getState().nav.page).toBe('profile');
    expect(store.getState().next()).toBe(false);
    expect(store.getState().nav.page).toBe('profile');
    expect(store.getState().nav.attempted).toContain('profile');
  });

  it('Back and Next keep every value, typed secrets included', async () => {
    const { store } = await started();
    walkToSummary(store);
    const before = store.getState();
    store.getState().back(); // recovery
    store.getState().back(); // encryption
    expect(store.getState().nav.page).toBe('encryption');
    expect(store.getState().secrets.passphrase).toBe(PASS);
    store.getState().back();
    store.getState().back();
    store.getState().back();
    expect(store.getState().nav.page).toBe('welcome');
    for (let i = 0; i < 5; i++) expect(store.getState().next()).toBe(true);
    expect(store.getState().nav.page).toBe('summary');
    expect(store.getState().choices).toEqual(before.choices);
    expect(store.getState().secrets).toEqual(before.secrets);
  });

  it('Next waits for a strength estimate on its way, and refuses a guessable passphrase', async () => {
    const { store } = await started();
    const s = () => store.getState();
    expect(s().next()).toBe(true);
    s().setProfile('minimal');
    expect(s().next()).toBe(true);
    expect(s().next()).toBe(true);
    s().setEncryptionMethod('passphrase');
    s().setRecoveryKeyWanted(false);
    for (const f of ['passphrase', 'rehearsal'] as const) s().setSecret(f, 'password1');
    expect(s().next()).toBe(false); // the estimate has not answered yet
    expect(s().nav.page).toBe('encryption');
    s().setPassphraseStrength('password', 4); // an answer for an older text changes nothing
    expect(s().nav.page).toBe('encryption');
    s().setPassphraseStrength('password1', 1);
    expect(s().nav.page).toBe('encryption');
    expect(s().next()).toBe(false);
    for (const f of ['passphrase', 'rehearsal'] as const) s().setSecret(f, PASS);
    expect(s().next()).toBe(false);
    s().setPassphraseStrength(PASS, 4); // Next was pressed while this was on its way: it moves on
    expect(s().nav.page).toBe('summary');
    // The score names the passphrase by revision: the store holds no extra copy of it.
    const held = JSON.stringify(s().secrets).split(PASS).length - 1;
    expect(held).toBe(2); // the passphrase and its rehearsal, nothing more
  });

  it('skips the recovery page when a passphrase comes without a recovery key', async () => {
    const { store } = await started();
    store.getState().next();
    store.getState().setProfile('minimal');
    store.getState().next();
    store.getState().next();
    enterPassphrase(store);
    store.getState().setRecoveryKeyWanted(false);
    store.getState().next();
    expect(store.getState().nav.page).toBe('summary');
    expect(store.getState().secrets.recoveryKey).toBeNull();
  });

  it('makes a well-formed recovery key on arrival and asks for one of its groups', async () => {
    const { store } = await started();
    walkToSummary(store);
    const { recoveryKey, recoveryGroup } = store.getState().secrets;
    expect(isRecoveryKey(recoveryKey!)).toBe(true);
    expect(recoveryGroup).toBeGreaterThanOrEqual(0);
    expect(recoveryGroup).toBeLessThan(8);
  });

  it('a Change link from the summary leads back to it with Next', async () => {
    const { store } = await started();
    walkToSummary(store);
    store.getState().goTo('profile', { fromSummary: true });
    expect(store.getState().nav.page).toBe('profile');
    store.getState().setProfile('power');
    expect(store.getState().next()).toBe(true);
    expect(store.getState().nav.page).toBe('summary');
  });

  it('a jump forward stops at the first page that still needs something', async () => {
    const { store } = await started();
    walkToSummary(store);
    store.getState().goTo('welcome');
    store.getState().setSecret('rehearsal', 'nope');
    store.getState().goTo('summary');
    expect(store.getState().nav.page).toBe('encryption');
  });
});

describe('wizard store: choices', () => {
  it('profiles are presets: minimal has no apps, common has the browser and two more, power adds nixos', async () => {
    const { store } = await started();
    const s = () => store.getState();
    s().setProfile('minimal');
    expect(s().choices.apps).toEqual([]);
    s().setProfile('common');
    expect(s().choices.apps).toEqual(['browser', 'editor', 'terminal']);
    s().setProfile('power');
    expect(s().choices.apps).toEqual(['browser', 'editor', 'terminal', 'nixos']);
  });

  it("the person's own app pick survives switching profiles", async () => {
    const { store } = await started();
    const s = () => store.getState();
    s().setProfile('common');
    s().setAppSelected('mail', true);
    s().setProfile('minimal');
    s().setProfile('power');
    expect(s().choices.apps).toEqual(['browser', 'editor', 'terminal', 'mail', 'nixos']);
    s().setProfile('common');
    expect(s().choices.apps).toEqual(['browser', 'editor', 'terminal', 'mail']);
  });

  it('the apps page enforces the profile rules with reasons', async () => {
    const { store } = await started();
    const s = () => store.getState();
    s().next();
    s().setProfile('common');
    s().next();
    s().setAppSelected('editor', false);
    s().setAppSelected('terminal', false);
    expect(s().next()).toBe(false);
    s().setAppSelected('nixos', true);
    expect(s().next()).toBe(false);
    s().setAppSelected('nixos', false);
    s().setAppSelected('mail', true);
    s().setAppSelected('chat', true);
    expect(s().next()).toBe(true);
  });

  it('the keyboard follows the language until the person picks one', async () => {
    const { store } = await started();
    const s = () => store.getState();
    s().setLocale('fi');
    expect(s().choices.keyboard).toEqual({ layout: 'fi', variant: '' });
    s().setKeyboard({ layout: 'us', variant: 'intl' });
    s().setLocale('de');
    expect(s().choices.keyboard).toEqual({ layout: 'us', variant: 'intl' });
    expect(s().choices.locale).toBe('de');
  });

  it('leaving Welcome confirms the layout: the header language never changes it afterwards', async () => {
    const { store } = await started();
    const s = () => store.getState();
    s().setLocale('fi');
    expect(s().next()).toBe(true);
    expect(s().choices.keyboardChosen).toBe(true);
    s().setLocale('de');
    expect(s().choices.keyboard).toEqual({ layout: 'fi', variant: '' });
  });

  it('a language whose own layout the unlock prompt cannot load suggests English (US)', async () => {
    const { store } = await started();
    store.getState().setLocale('ar');
    expect(store.getState().choices.keyboard).toEqual({ layout: 'us', variant: '' });
  });

  it('ignores unknown languages and layouts', async () => {
    const { store } = await started();
    store.getState().setLocale('xx');
    store.getState().setKeyboard({ layout: 'nope', variant: '' });
    expect(store.getState().choices.locale).toBe('en');
    expect(store.getState().choices.keyboard.layout).toBe('us');
  });
});

describe('wizard store: persistence', () => {
  it('saves choices and place, never a secret', async () => {
    const ctx = await started();
    walkToSummary(ctx.store);
    const saved = lastSaved(ctx);
    const json = JSON.stringify(saved);
    expect(json).not.toContain(PASS);
    expect(json).not.toContain(ctx.store.getState().secrets.recoveryKey!);
    expect(Object.keys(saved.data).sort()).toEqual(['choices', 'install', 'nav']);
    expect(saved.data).toMatchObject({ nav: { page: 'summary', furthest: 'summary' } });
  });

  it('names no key like a secret and holds nothing shaped like a recovery key (main refuses both)', async () => {
    const ctx = await started();
    walkToSummary(ctx.store);
    const keys: string[] = [];
    const strings: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          keys.push(k);
          walk(x);
        }
      }
    };
    walk(lastSaved(ctx));
    const secretNamed = keys.filter((k) =>
      ['passphrase', 'pin', 'recoverykey', 'secret', 'fido2secret'].includes(k.toLowerCase().replace(/[-_]/g, '')),
    );
    expect(secretNamed).toEqual([]);
    expect(strings.filter((x) => isRecoveryKey(x.trim()))).toEqual([]);
  });

  it('round-trips the choices through the saved file', async () => {
    const first = await started();
    first.store.getState().setProfile('power');
    first.store.getState().setEncryptionMethod('passphrase');
    first.store.getState().setRecoveryKeyWanted(false);
    const saved = lastSaved(first);
    const { store } = await started({ 'wizardState.load': () => ok(saved) });
    expect(store.getState().choices).toEqual(first.store.getState().choices);
  });

  it('saves through IPC, debounced, only when the persisted part changed', async () => {
    const { store, fake, timers } = await started();
    store.getState().setLocale('fi');
    store.getState().setLocale('de');
    expect(fake.callsOf('wizardState.save')).toHaveLength(0);
    timers.advance(150);
    expect(fake.callsOf('wizardState.save')).toHaveLength(1);
    store.getState().setSecret('passphrase', 'typing a secret');
    timers.advance(150);
    expect(fake.callsOf('wizardState.save')).toHaveLength(1);
    const saved = JSON.stringify(fake.callsOf('wizardState.save'));
    expect(saved).toContain('"locale":"de"');
    expect(saved).not.toContain('typing a secret');
  });

  it('writes nothing before the saved state is read back, so a slow load loses nothing', async () => {
    let answer: (r: ReturnType<typeof ok<PersistedWizardState | null>>) => void = () => {};
    const ctx = makeStore({ 'wizardState.load': () => new Promise((resolve) => (answer = resolve)) });
    const starting = ctx.store.getState().start();
    await settle();
    ctx.store.getState().setLocale('de');
    ctx.timers.advance(1000);
    expect(ctx.fake.callsOf('wizardState.save')).toHaveLength(0);
    answer(ok(null));
    await starting;
    ctx.store.getState().setLocale('fi');
    expect(lastSaved(ctx).data).toMatchObject({ choices: { locale: 'fi' } });
  });

  it('writes the install id before asking the host to install', async () => {
    const ctx = await started({ 'install.start': () => new Promise(() => {}) });
    walkToSummary(ctx.store);
    void ctx.store.getState().startInstall();
    const saved = ctx.fake.callsOf('wizardState.save').at(-1) as PersistedWizardState;
    const [request] = ctx.fake.callsOf('install.start') as { installId: string }[];
    expect(saved.data).toMatchObject({ install: { installId: request!.installId } });
  });

  it('resumes on a secret page asking for the secrets again', async () => {
    const first = await started();
    walkToSummary(first.store);
    const saved = lastSaved(first);
    const { store } = await started({ 'wizardState.load': () => ok(saved) });
    expect(store.getState().choices.profile).toBe('common');
    expect(store.getState().nav.page).toBe('encryption');
    expect(store.getState().nav.resumeNotice).toBe('secrets-reentry');
    expect(store.getState().secrets.passphrase).toBe('');
  });

  it('resumes on a page without secrets as it was', async () => {
    const first = await started();
    first.store.getState().next();
    first.store.getState().setProfile('power');
    first.store.getState().next();
    const saved = lastSaved(first);
    const { store } = await started({ 'wizardState.load': () => ok(saved) });
    expect(store.getState().nav.page).toBe('apps');
    expect(store.getState().nav.resumeNotice).toBeNull();
    expect(store.getState().choices.apps).toContain('nixos');
  });

  it('keeps the place it resumes at while the helper is not there yet', async () => {
    const first = await started();
    first.store.getState().next();
    first.store.getState().setProfile('power');
    first.store.getState().next();
    const saved = lastSaved(first);
    const second = await started({ 'wizardState.load': () => ok(saved), 'helper.info': () => fail('helper-unreachable') });
    second.store.getState().setAccessibility({ largeText: true });
    expect(lastSaved(second).data).toMatchObject({ nav: { page: 'apps' }, choices: { accessibility: { largeText: true } } });
  });
});

describe('wizard store: start-up', () => {
  it('keeps trying while the helper is unreachable', async () => {
    let answers = 0;
    const ctx = await started({ 'helper.info': () => (++answers < 3 ? fail('helper-unreachable') : ok(helperInfo())) });
    expect(ctx.store.getState().boot.status).toBe('waiting-for-helper');
    ctx.timers.advance(1000);
    await settle();
    expect(ctx.store.getState().boot.status).toBe('waiting-for-helper');
    ctx.timers.advance(2000);
    await settle();
    expect(ctx.store.getState().boot.status).toBe('ready');
  });

  it('a missing signing key is fatal', async () => {
    const { store } = await started({ 'helper.info': () => fail('signing-key-missing') });
    expect(store.getState().boot.status).toBe('fatal');
    expect(store.getState().boot.fatalCode).toBe('signing-key-missing');
  });

  it('re-attaches to a plan the host is applying', async () => {
    const steps = [
      { id: 'userdata-format' as const, state: 'done' as const },
      { id: 'userdata-enroll' as const, state: 'running' as const },
    ];
    const { store, fake } = await started({
      'helper.info': () => ok(helperInfo({ state: { phase: 'applying', planId: PLAN_ID, steps } })),
      'install.attach': () => ok({ planId: PLAN_ID, steps }),
    });
    expect(fake.callsOf('install.attach')).toEqual([{ planId: PLAN_ID }]);
    expect(store.getState().nav.page).toBe('progress');
    expect(store.getState().install.steps.map((s) => s.state)).toEqual(['done', 'running']);
  });

  it('shows done when the host is already provisioned', async () => {
    const { store } = await started({
      'helper.info': () => ok(helperInfo({ state: { phase: 'provisioned', planId: PLAN_ID, steps: [] } })),
    });
    expect(store.getState().nav.page).toBe('done');
  });
});

describe('wizard store: Welcome before the helper answers', () => {
  /** A helper.info that answers when the test says so. */
  function lateHelper() {
    let answer: (r: ReturnType<typeof ok<ReturnType<typeof helperInfo>>>) => void = () => {};
    const handler = () => new Promise<ReturnType<typeof ok<ReturnType<typeof helperInfo>>>>((resolve) => (answer = resolve));
    return { handler, answer: (info = helperInfo()) => answer(ok(info)) };
  }

  it('shows Welcome at once, and a Next pressed there waits for the answer, then moves on', async () => {
    const late = lateHelper();
    const ctx = makeStore({ 'helper.info': late.handler });
    const starting = ctx.store.getState().start();
    await settle();
    expect(ctx.store.getState().boot.status).toBe('starting');
    expect(ctx.store.getState().nav.page).toBe('welcome');
    ctx.store.getState().setKeyboard({ layout: 'de', variant: '' });
    expect(ctx.store.getState().next()).toBe(true);
    expect(ctx.store.getState().nav).toMatchObject({ page: 'welcome', nextWhenHelperReady: true });
    late.answer();
    await starting;
    expect(ctx.store.getState().nav).toMatchObject({ page: 'profile', nextWhenHelperReady: false });
    expect(ctx.store.getState().choices.keyboard).toEqual({ layout: 'de', variant: '' });
  });

  it('stays on Welcome when the helper answers and Next was not pressed', async () => {
    const late = lateHelper();
    const ctx = makeStore({ 'helper.info': late.handler });
    const starting = ctx.store.getState().start();
    await settle();
    late.answer();
    await starting;
    expect(ctx.store.getState().boot.status).toBe('ready');
    expect(ctx.store.getState().nav.page).toBe('welcome');
  });

  it('a plan the host is applying takes the person to Progress, Next pressed or not', async () => {
    const late = lateHelper();
    const steps = [{ id: 'userdata-format' as const, state: 'running' as const }];
    const ctx = makeStore({ 'helper.info': late.handler, 'install.attach': () => ok({ planId: PLAN_ID, steps }) });
    const starting = ctx.store.getState().start();
    await settle();
    ctx.store.getState().next();
    late.answer(helperInfo({ state: { phase: 'applying', planId: PLAN_ID, steps } }));
    await starting;
    expect(ctx.store.getState().nav).toMatchObject({ page: 'progress', nextWhenHelperReady: false });
  });

  it('a Next pressed while the helper is unreachable is carried out once it answers', async () => {
    let answers = 0;
    const ctx = await started({ 'helper.info': () => (++answers < 2 ? fail('helper-unreachable') : ok(helperInfo())) });
    expect(ctx.store.getState().boot.status).toBe('waiting-for-helper');
    expect(ctx.store.getState().next()).toBe(true);
    expect(ctx.store.getState().nav.page).toBe('welcome');
    ctx.timers.advance(1000);
    await settle();
    expect(ctx.store.getState().nav.page).toBe('profile');
  });

  it('Next does nothing on a fatal start', async () => {
    const { store } = await started({ 'helper.info': () => fail('signing-key-missing') });
    expect(store.getState().next()).toBe(false);
    expect(store.getState().nav.nextWhenHelperReady).toBe(false);
  });
});

describe('wizard store: install', () => {
  async function atSummary(handlers: Parameters<typeof makeStore>[0] = {}) {
    const ctx = await started({
      'install.start': () => ok({ planId: PLAN_ID, steps: [{ id: 'userdata-format' }, { id: 'userdata-open' }, { id: 'receipt' }] }),
      ...handlers,
    });
    walkToSummary(ctx.store);
    return ctx;
  }

  it('sends choices and only the needed secrets, with a persisted install id', async () => {
    const { store, fake } = await atSummary();
    await store.getState().startInstall();
    const [request] = fake.callsOf('install.start') as { installId: string; choices: unknown; secrets: Record<string, string> }[];
    expect(request!.installId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(request!.choices).toEqual({
      locale: 'en',
      keyboard: { layout: 'us', variant: '' },
      accessibility: { highContrast: false, largeText: false, reduceMotion: false, screenReader: false },
      profile: 'common',
      apps: ['browser', 'editor', 'terminal'],
      transientApps: [],
      encryption: { method: 'passphrase', recoveryKey: true },
    });
    expect(Object.keys(request!.secrets).sort()).toEqual(['passphrase', 'recoveryKey']);
    expect(store.getState().nav.page).toBe('progress');
    expect(partialize(store.getState()).install).toEqual({ installId: request!.installId, planId: PLAN_ID });
  });

  it('sends the app VMs the person chose not to keep files for, and only chosen ones', async () => {
    const { store, fake } = await atSummary();
    store.getState().setKeepsFiles('editor', false);
    store.getState().setKeepsFiles('mail', false); // not chosen: not sent
    store.getState().setKeepsFiles('editor', false);
    await store.getState().startInstall();
    const [request] = fake.callsOf('install.start') as { choices: { transientApps: string[] } }[];
    expect(request!.choices.transientApps).toEqual(['editor']);
  });

  it('reduces progress events into steps and ends on done, dropping the secrets', async () => {
    const { store, fake } = await atSummary();
    await store.getState().startInstall();
    const progress = (
      step: 'userdata-format' | 'userdata-open' | 'receipt',
      state: 'running' | 'done' | 'skipped',
      index: number,
      reason?: string,
    ) =>
      fake.emit({ kind: 'progress', progress: { type: 'progress', planId: PLAN_ID, step, state, index, total: 3, elapsedMs: 10, reason } });
    progress('userdata-format', 'running', 1);
    progress('userdata-format', 'done', 1);
    progress('userdata-open', 'skipped', 2, 'sandbox');
    expect(store.getState().install.steps.map((s) => s.state)).toEqual(['done', 'skipped', 'pending']);
    expect(store.getState().install.steps[1]!.reason).toBe('sandbox');
    fake.emit({
      kind: 'result',
      result: {
        type: 'result',
        planId: PLAN_ID,
        ok: true,
        receipt: {
          planId: PLAN_ID,
          installId: 'x',
          keyId: 'k',
          helper: 'h',
          completedAt: '2026-01-01T00:00:00Z',
          mount: '/m',
          steps: [],
          envelope: null,
        },
      },
    });
    expect(store.getState().nav.page).toBe('done');
    expect(store.getState().secrets.passphrase).toBe('');
    expect(store.getState().secrets.recoveryKey).toBeNull();
  });

  it('a failed step goes to failure; retry resumes the plan', async () => {
    const { store, fake } = await atSummary({
      'install.retry': () => ok({ planId: PLAN_ID, steps: [{ id: 'userdata-format', state: 'done' }] }),
    });
    await store.getState().startInstall();
    fake.emit({
      kind: 'progress',
      progress: { type: 'progress', planId: PLAN_ID, step: 'userdata-format', state: 'done', index: 1, total: 3, elapsedMs: 5 },
    });
    fake.emit({
      kind: 'result',
      result: { type: 'result', planId: PLAN_ID, ok: false, step: 'userdata-open', code: 'io', message: 'disk', retryable: true },
    });
    expect(store.getState().nav.page).toBe('failure');
    expect(store.getState().install.failure).toMatchObject({ source: 'step', code: 'io', step: 'userdata-open' });
    store.getState().backToChoices(); // not allowed: something was written
    expect(store.getState().nav.page).toBe('failure');
    await store.getState().retry();
    expect(fake.callsOf('install.retry')).toEqual([{ planId: PLAN_ID }]);
    expect(store.getState().nav.page).toBe('progress');
  });

  it('a rejected start allows Back, keeping choices and secrets, and reuses the install id', async () => {
    let first = true;
    const { store, fake } = await atSummary({
      'install.start': () => {
        if (first) {
          first = false;
          return fail('insufficient-space');
        }
        return ok({ planId: PLAN_ID, steps: [] });
      },
    });
    await store.getState().startInstall();
    expect(store.getState().nav.page).toBe('failure');
    expect(store.getState().install.failure?.code).toBe('insufficient-space');
    store.getState().backToChoices();
    expect(store.getState().nav.page).toBe('summary');
    expect(store.getState().secrets.passphrase).toBe(PASS);
    await store.getState().startInstall();
    const ids = (fake.callsOf('install.start') as { installId: string }[]).map((r) => r.installId);
    expect(ids[0]).toBe(ids[1]);
  });

  it('a missing signing key at Install is fatal', async () => {
    const { store } = await atSummary({ 'install.start': () => fail('signing-key-missing') });
    await store.getState().startInstall();
    expect(store.getState().boot.status).toBe('fatal');
  });

  it('events that arrive before install.start answers are not lost', async () => {
    let release: () => void = () => {};
    const { store, fake } = await atSummary({
      'install.start': () =>
        new Promise((resolve) => {
          release = () => resolve(ok({ planId: PLAN_ID, steps: [{ id: 'userdata-format' }] }));
        }),
    });
    const pending = store.getState().startInstall();
    await settle();
    fake.emit({
      kind: 'progress',
      progress: { type: 'progress', planId: PLAN_ID, step: 'userdata-format', state: 'running', index: 1, total: 1, elapsedMs: 1 },
    });
    release();
    await pending;
    expect(store.getState().install.steps[0]!.state).toBe('running');
  });

  it('a lost connection shows, and on restore the store re-attaches', async () => {
    const { store, fake } = await atSummary({
      'install.attach': () => ok({ planId: PLAN_ID, steps: [{ id: 'userdata-format', state: 'running' }] }),
    });
    await store.getState().startInstall();
    fake.emit({ kind: 'connection', state: 'lost' });
    expect(store.getState().install.connection).toBe('lost');
    fake.emit({ kind: 'connection', state: 'restored' });
    await settle();
    expect(store.getState().install.connection).toBe('ok');
    expect(fake.callsOf('install.attach')).toHaveLength(1);
  });

  it('when main gives up re-attaching, the failure screen offers Retry, which attaches again', async () => {
    const { store, fake } = await atSummary({
      'install.attach': () => ok({ planId: PLAN_ID, steps: [{ id: 'vm-definitions', state: 'running' }] }),
    });
    await store.getState().startInstall();
    fake.emit({ kind: 'connection', state: 'lost' });
    fake.emit({ kind: 'connection', state: 'gave-up' });
    expect(store.getState().nav.page).toBe('failure');
    expect(store.getState().install.failure).toMatchObject({ code: 'helper-unreachable', retryable: true });
    await store.getState().retry();
    expect(fake.callsOf('install.attach')).toEqual([{ planId: PLAN_ID }]);
    expect(store.getState().nav.page).toBe('progress');
    expect(store.getState().install.phase).toBe('running');
  });

  it('the exported log has the failure and no secret', async () => {
    const { store, fake } = await atSummary({ 'install.start': () => fail('expired', 'session expired') });
    await store.getState().startInstall();
    await store.getState().exportLog();
    const [request] = fake.callsOf('log.export') as { text: string }[];
    expect(request!.text).toContain('expired');
    expect(request!.text).not.toContain(PASS);
    expect(store.getState().logExport).toEqual({ status: 'saved', path: '/tmp/log.txt', code: null });
  });
});

describe('wizard store: FIDO2', () => {
  const device = { id: 'sim-1', name: 'Simulated key', hasPin: true, simulated: true };
  const params = {
    credential: 'AAAA',
    salt: 'A'.repeat(43) + '=',
    rp: 'io.systemd.cryptsetup' as const,
    clientPinRequired: true,
    upRequired: true,
    uvRequired: false,
  };

  it('finds a key, asks for its PIN, enrolls, and a recovery key is required', async () => {
    const ctx = await started({
      'fido2.devices': () => ok({ devices: [device], toolsMissing: false }),
      'fido2.enroll': () => ok({ enrollmentId: 'enr-1', params, verified: true }),
    });
    const { store, fake } = ctx;
    const s = () => store.getState();
    s().setEncryptionMethod('fido2');
    await s().refreshFido2Devices();
    expect(s().fido2.deviceId).toBe('sim-1');
    await s().enrollFido2();
    expect(s().fido2.error).toBe('fido2-pin-required');
    expect(fake.callsOf('fido2.enroll')).toHaveLength(0);
    s().setSecret('fido2Pin', '1234');
    await s().enrollFido2();
    expect(fake.callsOf('fido2.enroll')).toEqual([{ deviceId: 'sim-1', pin: '1234' }]);
    expect(s().fido2.enrollment?.enrollmentId).toBe('enr-1');
    s().setRecoveryKeyWanted(false);
    const saved = JSON.stringify(lastSaved(ctx));
    expect(saved).toContain('"method":"fido2"');
    expect(saved).not.toContain('enr-1');
    expect(saved).not.toContain('1234');
  });

  it('reports missing tools and keeps the passphrase path open', async () => {
    const { store } = await started({ 'fido2.devices': () => ok({ devices: [], toolsMissing: true }) });
    store.getState().setEncryptionMethod('fido2');
    await store.getState().refreshFido2Devices();
    expect(store.getState().fido2.toolsMissing).toBe(true);
    store.getState().setEncryptionMethod('passphrase');
    expect(store.getState().choices.encryption.method).toBe('passphrase');
  });
});
