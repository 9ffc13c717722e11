// The state a fresh wizard starts from.
import { DEFAULT_LANGUAGE, findLanguage } from '../i18n/languages';
import { initialInstall } from './install-progress';
import { suggestedLayout } from './keyboard-layouts';
import type { BootState, DraftChoices, Fido2State, Navigation, Secrets, UsbState, WizardData } from './types';

export interface Environment {
  /** The language the wizard starts in (from the system's preference). */
  readonly locale: string;
  /** The platform asks for reduced motion (prefers-reduced-motion). */
  readonly prefersReducedMotion: boolean;
  readonly prefersHighContrast: boolean;
}

export function defaultChoices(env: Environment): DraftChoices {
  const language = findLanguage(env.locale) ?? findLanguage(DEFAULT_LANGUAGE)!;
  return {
    locale: language.code,
    keyboard: suggestedLayout(language.keyboard),
    keyboardChosen: false,
    accessibility: { highContrast: env.prefersHighContrast, largeText: false, reduceMotion: env.prefersReducedMotion, screenReader: false },
    profile: null,
    apps: [],
    customApps: null,
    transientApps: [],
    // A recovery key is offered with a passphrase and on unless declined: a lost passphrase
    // otherwise loses everything.
    encryption: { method: null, recoveryKey: true },
  };
}

export const emptySecrets: Secrets = {
  passphrase: '',
  rehearsal: '',
  fido2Pin: '',
  recoveryKey: null,
  recoveryGroup: 0,
  recoveryConfirm: '',
  passphraseRevision: 0,
  passphraseStrength: null,
};

export const initialFido2: Fido2State = {
  status: 'idle',
  scanned: false,
  devices: [],
  toolsMissing: false,
  deviceId: null,
  error: null,
  enrollment: null,
  tested: null,
  touch: false,
};

export const initialUsb: UsbState = { status: 'idle', scanned: false, drives: [], error: null };

export const initialBoot: BootState = { status: 'starting', attempts: 0, nextTryAt: null, fatalCode: null, app: null, helper: null };

export const initialNav: Navigation = {
  page: 'welcome',
  furthest: 'welcome',
  returnToSummary: false,
  attempted: [],
  resumeNotice: null,
  nextWhenStrengthKnown: false,
  nextWhenHelperReady: false,
  resumeAt: null,
  resumed: false,
};

export function initialData(env: Environment): WizardData {
  return {
    nav: initialNav,
    choices: defaultChoices(env),
    secrets: emptySecrets,
    fido2: initialFido2,
    usb: initialUsb,
    boot: initialBoot,
    install: initialInstall,
    logExport: { status: 'idle', path: null, code: null },
    restartRequested: false,
    unattended: 'off',
    unattendedStop: null,
  };
}
