// What of the wizard survives a restart of the wizard, and how it is read back (ADR 110): the
// options zustand's `persist` takes. Only choices and where the person was: never a secret
// (passphrases, PINs, the recovery key, the FIDO2 enrollment id), and nothing the host will tell
// us again. To persist one more choice: add it to DraftChoices (types.ts) and to SavedChoices in
// saved-state-check.ts. No zod here: the check of a saved file is loaded only when there is one.
import type { StorageValue } from 'zustand/middleware';
import type { PersistedWizardState } from '../../shared/ipc/contract';
import { isWizardPage } from './pages';
import type { ReadBack, SavedState } from './saved-state-check';
import type { WizardData } from './types';

export type { ReadBack, SavedState } from './saved-state-check';

/** 2: the saved state has the store's own slices (nav, choices, install). 1 had them side by side. */
export const PERSIST_VERSION = 2;

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

/**
 * A file from `wizardState.load` as the storage hands it to persist: migrated and checked field by
 * field (saved-state-check.ts, loaded here on demand), in the current version; or nothing saved.
 */
export async function readSavedFile(file: PersistedWizardState): Promise<StorageValue<ReadBack> | null> {
  const { checkSavedFile } = await import('./saved-state-check');
  const state = checkSavedFile(file);
  return state ? { state, version: PERSIST_VERSION } : null;
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Reads a saved state into the fresh store: every field that read well is taken, anything odd keeps
 * the fresh value. Nothing saved leaves the store as it is.
 */
export function merge<S extends WizardData>(saved: unknown, current: S): S {
  // The storage hands persist only what `readSavedFile` read back, or nothing.
  const read = saved as ReadBack | null | undefined;
  if (read === undefined || read === null) return current;
  const { nav, choices, install } = read;
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
