// How a saved file is read back (ADR 110): one zod schema of the saved state, built from the plan's,
// read one field at a time, and the migration of older files. Loaded only when there is a file to
// read (persistence.ts `readSavedFile`), so zod stays out of the wizard's first chunk.
import { z } from 'zod';
import type { PersistedWizardState } from '../../shared/ipc/contract';
import { PlanId } from '../../shared/ipc/contract';
import { ChoicesSchema } from '../../shared/plan/choices';
import { AccessibilitySchema, b64urlBytes } from '../../shared/plan/plan-schema';
import { findLanguage } from '../i18n/languages';
import { findLayout } from './keyboard-layouts';
import { WIZARD_PAGES } from './pages';
import { PERSIST_VERSION } from './persistence';

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
/** A saved state as read back: every field that read well, in the current form. */
export type ReadBack = z.infer<typeof ReadBackSchema>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An older saved state in the current form (unchecked: the read-back checks it), or nothing. */
function migrate(data: unknown, version: number): unknown {
  if (version === PERSIST_VERSION) return data;
  if (version === 1 && isRecord(data)) {
    // Version 1: { page, furthest, choices: { …, encryption: { method, withRecovery, stick } }, installId, planId }.
    const { page, furthest, installId, planId } = data;
    const choices = isRecord(data.choices) ? data.choices : {};
    const { stick, ...encryption } = isRecord(choices.encryption) ? choices.encryption : {};
    return {
      nav: { page, furthest },
      choices: { ...choices, encryption: { ...encryption, usbKey: stick } },
      install: { installId, planId },
    };
  }
  // A version this wizard does not know (a later wizard's file) reads as nothing saved.
  return undefined;
}

/**
 * A saved file read back: migrated to the current version, then every field that reads well.
 * Nothing (start fresh) for a version this wizard does not know or something that is not a state.
 */
export function checkSavedFile(file: PersistedWizardState): ReadBack | null {
  const read = ReadBackSchema.safeParse(migrate(file.data, file.version));
  return read.success ? read.data : null;
}
