// What of the wizard survives a restart of the wizard, and how it is read back. Only choices and
// where the person was: never a secret (passphrases, PINs, the recovery key, the FIDO2
// enrollment id), and nothing the host will tell us again.
import type { PersistedWizardState } from '../../shared/ipc/contract';
import { PROFILES, type Profile } from '../../shared/plan/profiles';
import { ENCRYPTION_METHODS, type EncryptionMethod } from '../../shared/plan/unlock-methods';
import { UsbKeyChoiceSchema, type UsbKeyChoice } from '../../shared/plan/usb-key';
import { findLanguage } from '../i18n/languages';
import { findLayout } from './keyboard-layouts';
import { isWizardPage, type WizardPage } from './pages';
import type { DraftChoices, WizardData } from './types';

export const PERSIST_VERSION = 1;

/**
 * Choices as written down. Main refuses to persist any key named like a secret (passphrase,
 * pin, recoveryKey, …), even a harmless flag, so the recovery-key flag has another name here.
 */
export type PersistedChoices = Omit<DraftChoices, 'encryption'> & {
  readonly encryption: {
    readonly method: DraftChoices['encryption']['method'];
    readonly withRecovery: boolean;
    readonly stick?: UsbKeyChoice;
  };
};

export interface PersistedData {
  readonly page: WizardPage;
  readonly furthest: WizardPage;
  readonly choices: PersistedChoices;
  readonly installId: string | null;
  readonly planId: string | null;
}

/** The part of the state that may be written down. Secrets are left out by construction. */
export function partialize(state: WizardData): PersistedData {
  const page = state.nav.page;
  const { encryption, ...rest } = state.choices;
  return {
    // An install page is not resumed as such: the host's state decides where a restart lands.
    page: isWizardPage(page) ? page : 'summary',
    furthest: state.nav.furthest,
    choices: {
      ...rest,
      encryption: {
        method: encryption.method,
        withRecovery: encryption.recoveryKey,
        ...(encryption.usbKey ? { stick: encryption.usbKey } : {}),
      },
    },
    installId: state.install.installId,
    planId: state.install.planId,
  };
}

export function toPersisted(state: WizardData): PersistedWizardState {
  return { version: PERSIST_VERSION, data: partialize(state) as unknown as Record<string, unknown> };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const stringArray = (v: unknown): string[] | null => (Array.isArray(v) && v.every(isString) ? v.slice(0, 64) : null);

function readChoices(raw: unknown, defaults: DraftChoices): DraftChoices {
  if (!isObject(raw)) return defaults;
  const keyboard =
    isObject(raw.keyboard) && isString(raw.keyboard.layout) && isString(raw.keyboard.variant)
      ? { layout: raw.keyboard.layout, variant: raw.keyboard.variant }
      : null;
  const a = isObject(raw.accessibility) ? raw.accessibility : {};
  const enc = isObject(raw.encryption) ? raw.encryption : {};
  const profile = PROFILES.includes(raw.profile as Profile) ? (raw.profile as Profile) : null;
  return {
    locale: isString(raw.locale) && findLanguage(raw.locale) ? raw.locale : defaults.locale,
    keyboard: keyboard && findLayout(keyboard) ? keyboard : defaults.keyboard,
    keyboardChosen: isBool(raw.keyboardChosen) ? raw.keyboardChosen : defaults.keyboardChosen,
    accessibility: {
      highContrast: isBool(a.highContrast) ? a.highContrast : defaults.accessibility.highContrast,
      largeText: isBool(a.largeText) ? a.largeText : defaults.accessibility.largeText,
      reduceMotion: isBool(a.reduceMotion) ? a.reduceMotion : defaults.accessibility.reduceMotion,
      screenReader: isBool(a.screenReader) ? a.screenReader : defaults.accessibility.screenReader,
    },
    profile,
    apps: stringArray(raw.apps) ?? defaults.apps,
    customApps: raw.customApps === null ? null : (stringArray(raw.customApps) ?? defaults.customApps),
    transientApps: stringArray(raw.transientApps) ?? defaults.transientApps,
    encryption: {
      method: (ENCRYPTION_METHODS as readonly unknown[]).includes(enc.method) ? (enc.method as EncryptionMethod) : null,
      recoveryKey: isBool(enc.withRecovery) ? enc.withRecovery : defaults.encryption.recoveryKey,
      ...(UsbKeyChoiceSchema.safeParse(enc.stick).success ? { usbKey: UsbKeyChoiceSchema.parse(enc.stick) } : {}),
    },
  };
}

/** Reads back what `toPersisted` wrote, field by field: anything odd falls back to a default. */
export interface ReadBack {
  readonly page: WizardPage;
  readonly furthest: WizardPage;
  readonly choices: DraftChoices;
  readonly installId: string | null;
  readonly planId: string | null;
}

export function fromPersisted(saved: PersistedWizardState | null, defaults: DraftChoices): ReadBack | null {
  if (!saved || saved.version !== PERSIST_VERSION || !isObject(saved.data)) return null;
  const d = saved.data;
  const page = isString(d.page) && isWizardPage(d.page) ? d.page : 'welcome';
  const furthest = isString(d.furthest) && isWizardPage(d.furthest) ? d.furthest : page;
  const id = (v: unknown, re: RegExp) => (isString(v) && re.test(v) ? v : null);
  return {
    page,
    furthest,
    choices: readChoices(d.choices, defaults),
    installId: id(d.installId, /^[A-Za-z0-9_-]{22}$/),
    planId: id(d.planId, /^[0-9a-f]{64}$/),
  };
}

interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Calls `save` at most once per `delayMs` of quiet with the latest persisted form, and only
 * when it changed (typing a passphrase changes no persisted byte, so saves nothing).
 */
export function createDebouncedSaver(save: (state: PersistedWizardState) => void, delayMs: number, timers: Timers) {
  let lastJson: string | null = null;
  let pending: PersistedWizardState | null = null;
  let handle: unknown = null;
  const flush = () => {
    handle = null;
    if (!pending) return;
    const json = JSON.stringify(pending);
    const next = pending;
    pending = null;
    if (json === lastJson) return;
    lastJson = json;
    save(next);
  };
  return {
    schedule(state: PersistedWizardState) {
      pending = state;
      if (handle !== null) timers.clearTimeout(handle);
      handle = timers.setTimeout(flush, delayMs);
    },
    /** Marks what was loaded as already saved. */
    prime(state: PersistedWizardState) {
      lastJson = JSON.stringify(state);
    },
    flush,
  };
}
