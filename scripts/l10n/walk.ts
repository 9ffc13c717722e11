// Walks the whole wizard through every page and the main states (errors, FIDO2 prompts, the
// install, its failure and the end), calling `onState(name)` at each, so a check or a
// screenshot can run there. Shared by the l10n e2e specs and the reviewer gallery.
//
// It never reads text: the page may be in any language, the pseudo-locale or keys. It finds
// controls by the ids and structure the renderer gives them (#profile-common, #passphrase, the
// primary button of the page's action row, …) and the simulated security keys by their device
// names, which come from the sandbox in English and are not translated.
//
// The sandbox helper must fail `vm-definitions` once (FAIL_STEP) and run `userdata-mount`
// slowly (SLOW_STEP), so there is a failure page and time to see the progress page midway.

import type { Locator, Page } from '@playwright/test';

export type OnState = (name: string) => Promise<void>;

export const FAIL_STEP: Readonly<Record<string, number>> = { 'vm-definitions': 1 };
export const SLOW_STEP: Readonly<Record<string, number>> = { 'userdata-mount': 1500 };
/** Its row in the progress list: the fifth step (shared/plan/steps.ts). */
const SLOW_ROW = '.install-steps > li:nth-child(5).install-step-running';

/**
 * Passphrases the suggested keyboard layouts of languages without Latin letters can type at the
 * unlock prompt (the wizard refuses others): the Hebrew, Persian and Ukrainian layouts. Arabic's
 * own layout has no console keymap, so English (US) is suggested for it (ADR 033).
 */
const NATIVE_PASSPHRASES: Readonly<Record<string, string>> = {
  he: 'נהר ירוק מעל הר רחוק',
  fa: 'رود سبز بالای کوه دور',
  uk: 'зелена річка над далекою горою',
};

/**
 * A passphrase the language's suggested keyboard layout can type at the unlock prompt; Latin
 * words for every other language (Japanese, Chinese and Korean included: their layouts type
 * Latin letters, the input method is not there at boot).
 */
export function passphraseFor(language: string | undefined): string {
  return NATIVE_PASSPHRASES[language ?? ''] ?? 'violet anchor meadow 42 lantern';
}

/** The states `walkWizard` reports, in order (helper-wait only when the helper starts down). */
export const WALK_STATES = [
  'helper-wait',
  'welcome',
  'profile',
  'apps',
  'encryption-errors',
  'encryption-weak',
  'encryption-passphrase',
  'fido2-devices',
  'fido2-wrong-pin',
  'fido2-removed',
  'fido2-touch',
  'fido2-enrolled',
  'recovery-errors',
  'recovery',
  'summary',
  'summary-plan',
  'progress',
  'failure',
  'done',
] as const;

/** A page's Next (its form's submit button) and its action row's primary button. */
export const NEXT = 'form.page .page-actions button[type=submit]';
export const PRIMARY = '.page-actions .button-primary';
/** Elements only one page has: how a walk knows which page it is on. */
export const PAGE_MARK = {
  welcome: 'input[name=language]',
  profile: '#profile-common',
  apps: '#app-search',
  encryption: '#method-passphrase',
  recovery: '#recovery-confirm',
  summary: '.summary-section',
  progress: '.progress-summary',
  failure: '.notice-error',
  done: '.done-list',
} as const;

async function onPage(page: Page, name: keyof typeof PAGE_MARK): Promise<void> {
  await page.locator(PAGE_MARK[name]).first().waitFor({ state: 'visible', timeout: 30_000 });
}

async function next(page: Page): Promise<void> {
  await page.locator(NEXT).click();
}

function device(page: Page, name: string): Locator {
  return page.locator('label.device', { hasText: name }).locator('input');
}

export interface WalkOptions {
  onState: OnState;
  /** An offered language code to pick on Welcome (none: keep the current one). */
  language?: string;
  /** Given when the helper is down at start, to bring it up after `helper-wait`. */
  startHelper?: () => Promise<void>;
  /** How secrets are typed (the e2e suite's keeps them out of its reports). */
  fillSecret?: (field: Locator, value: string, what: string) => Promise<void>;
}

/** `page`: the wizard, freshly opened on its first screen. */
export async function walkWizard(
  page: Page,
  { onState, language, startHelper, fillSecret = (field, value) => field.fill(value) }: WalkOptions,
): Promise<void> {
  if (startHelper) {
    // Welcome shows without the helper; its Next waits for it, on the wait screen.
    await onPage(page, 'welcome');
    await next(page);
    await page.locator('.status-line').waitFor({ timeout: 30_000 });
    await onState('helper-wait');
    // The wizard tries again by itself within seconds and carries out the Next that waited.
    await startHelper();
    await onPage(page, 'profile');
    await page.locator('.page-actions .button-secondary').click();
  }

  await onPage(page, 'welcome');
  if (language) {
    await page.locator(`input[name=language][value="${language}"]`).check();
    await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
  }
  await onState('welcome');
  await next(page);

  await onPage(page, 'profile');
  // Common is preselected: Next works at once.
  await page.locator('#profile-common:checked').waitFor({ state: 'attached' });
  await onState('profile');
  await next(page);

  await onPage(page, 'apps');
  await onState('apps');
  await next(page);

  await onPage(page, 'encryption');
  await page.locator('#method-passphrase').check();
  await next(page);
  await page.locator('.error-summary').waitFor();
  await onState('encryption-errors');
  await fillSecret(page.locator('#passphrase'), 'password1', 'a weak passphrase');
  await page.locator('.strength-label').waitFor();
  await page.locator('.strength-warning, .strength-suggestions').first().waitFor();
  await onState('encryption-weak');
  const passphrase = passphraseFor(language);
  await fillSecret(page.locator('#passphrase'), passphrase, 'the passphrase');
  await fillSecret(page.locator('#rehearsal'), passphrase, 'the unlock rehearsal');
  await page.locator('#rehearsal-state.field-ok').waitFor();
  await onState('encryption-passphrase');

  await page.locator('#method-fido2').check();
  await page.locator('label.device').first().waitFor();
  await onState('fido2-devices');
  await device(page, 'PIN 123456').check();
  await fillSecret(page.locator('#fido2-pin'), '000000', 'a wrong PIN');
  await page.locator('#fido2-enroll').click();
  await page.locator('.notice-error').waitFor();
  await onState('fido2-wrong-pin');
  // Choosing a key clears the last error, so the next error notice is this key's.
  await device(page, 'removed during enrollment').check();
  await page.locator('#fido2-enroll').click();
  await page.locator('.notice-error').waitFor({ timeout: 30_000 });
  await onState('fido2-removed');
  await device(page, 'no PIN').check();
  await page.locator('#fido2-enroll').click();
  await page.locator('.touch-prompt').waitFor();
  await onState('fido2-touch');
  await page.locator('.notice-success').waitFor({ timeout: 30_000 });
  await onState('fido2-enrolled');
  await page.locator('#method-passphrase').check();
  await page.locator('#rehearsal-state.field-ok').waitFor();
  await next(page);

  await onPage(page, 'recovery');
  await next(page);
  await page.locator('.error-summary').waitFor();
  await onState('recovery-errors');
  const group = await page.locator('.recovery-group-asked .recovery-group-text').innerText();
  await fillSecret(page.locator('#recovery-confirm'), group.trim(), 'a recovery-key group');
  await onState('recovery');
  await next(page);

  await onPage(page, 'summary');
  await onState('summary');
  await page.locator('.plan-disclosure .disclosure-button').click();
  await page.locator('.plan-disclosure pre').waitFor();
  await onState('summary-plan');
  await page.locator('.plan-disclosure .disclosure-button').click();
  await page.locator(PRIMARY).click();

  await onPage(page, 'progress');
  // Midway: the steps before it done, the slow one running.
  await page.locator(SLOW_ROW).waitFor({ timeout: 30_000 });
  await onState('progress');

  await onPage(page, 'failure');
  await onState('failure');
  await page.locator(PRIMARY).click();

  await onPage(page, 'done');
  await onState('done');
}
