// Whole walks through the wizard from a description of the choices, for scenarios whose point
// lies elsewhere (a failing step, a dropped connection) and for the profile × method matrix.
import { expect } from '@playwright/test';
import type { Wizard } from '../pages/wizard';
import type { AccessibilitySwitch, LanguageName } from '../pages/welcome-page';
import type { ProfileName } from '../pages/profile-page';
import { appName, PRESET_APPS, type Profile } from './catalog-names';
import type { ExpectedInstall } from './expect-provisioned';
import { SIMULATED_KEY, SIMULATED_PIN } from './secrets';

export interface PassphraseChoice {
  readonly method: 'passphrase';
  readonly passphrase: string;
  readonly recoveryKey: boolean;
}

export interface SecurityKeyChoice {
  readonly method: 'fido2';
  /** The simulated key's name. */
  readonly device: string;
  readonly pin?: string;
}

/** The simulated key with a PIN, its PIN typed: the security key most scenarios set up. */
export const PIN_KEY: SecurityKeyChoice = { method: 'fido2', device: SIMULATED_KEY.withPin, pin: SIMULATED_PIN };

export interface UsbKeyChoice {
  readonly method: 'usb-key';
  /** The stick's label as listed. */
  readonly stick: string;
}

export interface WizardChoices {
  readonly language?: LanguageName;
  /** XKB layout id; default: the language's. */
  readonly keyboard?: string;
  readonly accessibility?: readonly AccessibilitySwitch[];
  readonly profile: Profile;
  /** App ids to add to, or take from, the profile's preset on the Apps page. */
  readonly addApps?: readonly string[];
  readonly removeApps?: readonly string[];
  readonly encryption: PassphraseChoice | SecurityKeyChoice | UsbKeyChoice;
}

/** Called on arrival at each screen (e.g. an accessibility check). */
export type OnScreen = (screen: string) => Promise<void>;

const PROFILE_NAMES: Record<Profile, ProfileName> = { minimal: 'Minimal', common: 'Common', power: 'Power' };
const noCheck: OnScreen = async () => {};

export function profileName(profile: Profile): ProfileName {
  return PROFILE_NAMES[profile];
}

export async function chooseWelcome(ui: Wizard, c: WizardChoices): Promise<void> {
  await ui.welcome.expectShown();
  if (c.language) await ui.welcome.chooseLanguage(c.language);
  if (c.keyboard) await ui.welcome.chooseKeyboardLayout(c.keyboard);
  for (const name of c.accessibility ?? []) await ui.welcome.setAccessibility(name, true);
}

export async function chooseApps(ui: Wizard, c: WizardChoices): Promise<void> {
  for (const id of c.removeApps ?? []) await ui.apps.deselect(appName(id));
  for (const id of c.addApps ?? []) await ui.apps.select(appName(id));
}

export async function chooseEncryption(ui: Wizard, e: WizardChoices['encryption']): Promise<void> {
  if (e.method === 'passphrase') await ui.encryption.choosePassphrase(e.passphrase, { recoveryKey: e.recoveryKey });
  else if (e.method === 'usb-key') await ui.encryption.chooseUsbKeyOn(e.stick);
  else await ui.encryption.chooseSecurityKeyAndSetUp(e.device, e.pin);
}

/**
 * Walks from Welcome to the summary making `choices`; returns the recovery key read from the
 * page (null when none is made).
 */
export async function walkToSummary(ui: Wizard, c: WizardChoices, onScreen: OnScreen = noCheck): Promise<{ recoveryKey: string | null }> {
  await chooseWelcome(ui, c);
  await onScreen('welcome');
  await ui.welcome.next();

  await ui.profile.expectShown();
  await ui.profile.choose(profileName(c.profile));
  await onScreen('profile');
  await ui.profile.next();

  await ui.apps.expectShown();
  await chooseApps(ui, c);
  await onScreen('apps');
  await ui.apps.next();

  await ui.encryption.expectShown();
  await chooseEncryption(ui, c.encryption);
  await onScreen(`encryption (${c.encryption.method})`);
  await ui.encryption.next();

  let recoveryKey: string | null = null;
  if (c.encryption.method !== 'passphrase' || c.encryption.recoveryKey) {
    await ui.recovery.expectShown();
    recoveryKey = await ui.recovery.confirmKey();
    await onScreen('recovery key');
    await ui.recovery.next();
  }
  await ui.summary.expectShown();
  await onScreen('summary');
  return { recoveryKey };
}

/** Fails with what the failure page says, when it shows instead of what the walk expected. */
async function failIfRefused(ui: Wizard, expected: string): Promise<void> {
  if (!(await ui.failure.heading.isVisible())) return;
  const said = (await ui.page.locator('main').innerText()).replace(/\s+/g, ' ').trim();
  throw new Error(`${expected}, but the failure page shows: ${said}`);
}

/** Install from the summary, watch the progress page, and arrive at Done. */
export async function installToDone(ui: Wizard, onScreen: OnScreen = noCheck): Promise<void> {
  await ui.summary.install();
  // A host refusal shows the failure page instead: say what it says, not only what is missing.
  await expect(ui.progress.heading.or(ui.failure.heading).or(ui.done.heading), 'the install should start').toBeVisible();
  await failIfRefused(ui, 'the Installing screen should be showing');
  if (await ui.progress.heading.isVisible()) await onScreen('progress');
  await expect(ui.done.heading.or(ui.failure.heading), 'the install should finish').toBeVisible({ timeout: 60_000 });
  await failIfRefused(ui, 'the install should finish');
  await onScreen('done');
}

/** The whole wizard, Welcome to Done. */
export async function completeWizard(ui: Wizard, c: WizardChoices, onScreen: OnScreen = noCheck): Promise<{ recoveryKey: string | null }> {
  const made = await walkToSummary(ui, c, onScreen);
  await installToDone(ui, onScreen);
  return made;
}

/** The end state these choices should leave on the host. */
export function expectedFrom(c: WizardChoices, recoveryKey: string | null): ExpectedInstall {
  const apps = [...PRESET_APPS[c.profile].filter((id) => !(c.removeApps ?? []).includes(id)), ...(c.addApps ?? [])];
  const locale = LANGUAGE_CODES[c.language ?? 'English'];
  return {
    profile: c.profile,
    apps,
    locale,
    keyboard: parseLayout(c.keyboard ?? DEFAULT_LAYOUTS[locale]!),
    encryption:
      c.encryption.method === 'passphrase'
        ? { method: 'passphrase', passphrase: c.encryption.passphrase }
        : c.encryption.method === 'usb-key'
          ? { method: 'usb-key' }
          : { method: 'fido2', pinRequired: c.encryption.pin !== undefined },
    recoveryKey,
    accessibility: {
      highContrast: c.accessibility?.includes('High contrast') ?? false,
      largeText: c.accessibility?.includes('Large text') ?? false,
      reduceMotion: c.accessibility?.includes('Reduce motion') ?? false,
      screenReader: c.accessibility?.includes('Screen reader') ?? false,
    },
  };
}

const LANGUAGE_CODES: Record<LanguageName, string> = { English: 'en', Suomi: 'fi', Deutsch: 'de', Français: 'fr', العربية: 'ar' };
// Arabic's own layout has no console keymap for the unlock prompt: English (US) is suggested.
const DEFAULT_LAYOUTS: Record<string, string> = { en: 'us', fi: 'fi', de: 'de', fr: 'fr', ar: 'us' };

/** `us(intl)` → layout `us`, variant `intl`. */
export function parseLayout(id: string): { layout: string; variant: string } {
  const m = /^([^(]+)(?:\(([^)]*)\))?$/.exec(id);
  return { layout: m?.[1] ?? id, variant: m?.[2] ?? '' };
}

/** What Back from Encryption finds on the pages before it. */
export interface EarlierChoices {
  readonly profile: ProfileName;
  readonly apps: readonly string[];
  readonly keyboardLayout: string;
  /** Switches and whether each is on; the others are not checked. */
  readonly switches: Partial<Record<AccessibilitySwitch, boolean>>;
}

/** From Encryption back to Welcome with Back alone, finding every earlier choice as it was left. */
export async function expectEarlierChoicesGoingBack(ui: Wizard, c: EarlierChoices): Promise<void> {
  await ui.encryption.back();
  await ui.apps.expectShown();
  await ui.apps.expectProfile(c.profile);
  await ui.apps.expectSelected(c.apps);
  await ui.apps.back();
  await ui.profile.expectChosen(c.profile);
  await ui.profile.back();
  await ui.welcome.expectShown();
  await expect(ui.welcome.keyboardLayout).toHaveValue(c.keyboardLayout);
  for (const [name, on] of Object.entries(c.switches)) {
    const control = ui.welcome.switch(name as AccessibilitySwitch);
    if (on) await expect(control).toBeChecked();
    else await expect(control).not.toBeChecked();
  }
}
