// What of the wizard survives a restart of the wizard, and how it is read back (ADR 110): the
// options zustand's `persist` takes. Only choices and where the person was: never a secret
// (passphrases, PINs, the recovery key, the FIDO2 enrollment id), and nothing the host will tell
// us again. To persist one more choice: add it to DraftChoices (types.ts) and to SavedChoices here.
import { z } from 'zod';
import { PlanId } from '../../shared/ipc/contract';
import { ChoicesSchema } from '../../shared/plan/choices';
import { AccessibilitySchema, b64urlBytes } from '../../shared/plan/plan-schema';
import { findLanguage } from '../i18n/languages';
import { findLayout } from './keyboard-layouts';
import { isWizardPage, WIZARD_PAGES } from './pages';
import type { WizardData } from './types';

/** 2: the saved state has the store's own slices (nav, choices, install). 1 had them side by side. */
export const PERSIST_VERSION = 2;

const choice = ChoicesSchema.shape;
const WizardPageSchema = z.enum(WIZARD_PAGES);

/**
 * The encryption choice as written down. Main refuses to persist any key named like a secret
 * (passphrase, pin, recoveryKey, …), even a harmless flag, so the recovery-key flag has another name.
 */
const SavedEncryption = z.object({
  method: choice.encryption.shape.method.nullable(),
  withRecovery: choice.encryption.shape.recoveryKey,
  usbKey: choice.encryption.shape.usbKey,
});

/** DraftChoices as written down: the plan's choices (shared/plan/choices.ts) with "not chosen yet". */
const SavedChoices = z.object({
  locale: choice.locale.refine((code) => findLanguage(code) !== undefined),
  keyboard: choice.keyboard.refine((k) => findLayout(k) !== undefined),
  keyboardChosen: z.boolean(),
  accessibility: AccessibilitySchema,
  profile: choice.profile.nullable(),
  apps: choice.apps,
  customApps: choice.apps.nullable(),
  transientApps: choice.apps,
  encryption: SavedEncryption,
});

const SavedNav = z.object({ page: WizardPageSchema, furthest: WizardPageSchema });
const SavedInstall = z.object({ installId: b64urlBytes(16).nullable(), planId: PlanId.nullable() });

/** The saved state: the one description of what is written, of the store's own slices. */
const SavedStateSchema = z.object({ nav: SavedNav, choices: SavedChoices, install: SavedInstall });
export type SavedState = z.infer<typeof SavedStateSchema>;

/** Every field of `schema` read on its own: an odd one reads as missing, the others stay. */
function fieldByField<S extends z.ZodObject>(schema: S): z.ZodType<Partial<z.infer<S>>> {
  const fields = Object.entries(schema.shape).map(([key, field]) => [key, (field as z.ZodType).optional().catch(undefined)]);
  return z.object(Object.fromEntries(fields)).catch({}) as unknown as z.ZodType<Partial<z.infer<S>>>;
}

const saved = SavedStateSchema.shape;
/** How a saved file is read: SavedStateSchema, one field at a time, so one odd field loses nothing else. */
const ReadBackSchema = z.object({
  nav: fieldByField(saved.nav),
  choices: fieldByField(
    saved.choices.extend({
      accessibility: fieldByField(saved.choices.shape.accessibility),
      encryption: fieldByField(saved.choices.shape.encryption),
    }),
  ),
  install: fieldByField(saved.install),
});

/** The part of the state that is written down. Secrets are left out by construction. */
export function partialize(state: WizardData): SavedState {
  const { encryption, ...choices } = state.choices;
  // An install page is not resumed as such: the host's state decides where a restart lands.
  const page = state.nav.resumeAt ?? (isWizardPage(state.nav.page) ? state.nav.page : 'summary');
  return {
    nav: { page, furthest: state.nav.furthest },
    choices: {
      ...choices,
      encryption: {
        method: encryption.method,
        withRecovery: encryption.recoveryKey,
        ...(encryption.usbKey ? { usbKey: encryption.usbKey } : {}),
      },
    },
    install: { installId: state.install.installId, planId: state.install.planId },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An older saved state in the current form; `merge` validates what this returns. A version this
 * wizard does not know (a later wizard's file) reads as nothing saved: the wizard starts fresh.
 */
export function migrate(saved: unknown, version: number): SavedState {
  if (version === 1 && isRecord(saved)) {
    // Version 1: { page, furthest, choices: { …, encryption: { method, withRecovery, stick } }, installId, planId }.
    const { page, furthest, installId, planId } = saved;
    const choices = isRecord(saved.choices) ? saved.choices : {};
    const { stick, ...encryption } = isRecord(choices.encryption) ? choices.encryption : {};
    return {
      nav: { page, furthest },
      choices: { ...choices, encryption: { ...encryption, usbKey: stick } },
      install: { installId, planId },
    } as SavedState;
  }
  return undefined as unknown as SavedState;
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Reads a saved state (as loaded, or as `migrate` made it) into the fresh store: every field that
 * reads well is taken, anything odd keeps the fresh value. Nothing saved leaves the store as it is.
 */
export function merge<S extends WizardData>(saved: unknown, current: S): S {
  if (saved === undefined || saved === null) return current;
  const read = ReadBackSchema.safeParse(saved);
  if (!read.success) return current;
  const { nav, choices, install } = read.data;
  const { accessibility, encryption, ...rest } = choices;
  const page = nav.page ?? 'welcome';
  return {
    ...current,
    nav: { ...current.nav, furthest: nav.furthest ?? page, resumeAt: page, resumed: true },
    choices: {
      ...current.choices,
      ...defined(rest),
      accessibility: { ...current.choices.accessibility, ...defined(accessibility ?? {}) },
      encryption: {
        method: encryption?.method ?? null,
        recoveryKey: encryption?.withRecovery ?? current.choices.encryption.recoveryKey,
        ...(encryption?.usbKey ? { usbKey: encryption.usbKey } : {}),
      },
    },
    install: { ...current.install, installId: install.installId ?? null, planId: install.planId ?? null },
  };
}
