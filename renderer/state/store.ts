// The wizard's one store (zustand vanilla): all state and every action, usable without React. Its
// data is WizardData (types.ts); what survives a restart is kept by zustand's `persist` (ADR 110).
import { persist } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { bootActions } from './actions/boot';
import { choiceActions } from './actions/choices';
import { fido2Actions } from './actions/fido2';
import { usbActions } from './actions/usb';
import { installActions } from './actions/install';
import { navigationActions } from './actions/navigation';
import { unattendedActions } from './actions/unattended';
import { initialData } from './defaults';
import { DEFAULT_SAVE_DELAY_MS, type StoreDeps } from './deps';
import { ipcStorage } from './ipc-storage';
import { merge, partialize, PERSIST_VERSION, readSavedFile, type ReadBack } from './persistence';
import type { WizardStore } from './types';

export type WizardStoreApi = StoreApi<WizardStore>;

export function createWizardStore(deps: StoreDeps): WizardStoreApi {
  const storage = ipcStorage(deps.api, deps.timers, deps.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS, readSavedFile);
  const store: WizardStoreApi = createStore<WizardStore>()(
    // What persist reads back is a ReadBack (every field that read well); what it writes, a whole SavedState.
    persist<WizardStore, [], [], ReadBack>(
      (set, get, api) => {
        const saving = { rehydrate: () => api.persist.rehydrate(), flushSaves: storage.flush };
        const install = installActions(set, get, deps, saving);
        const fido2 = fido2Actions(set, get, deps);
        const usb = usbActions(set, get, deps);
        const unattended = unattendedActions(set, get, deps, { ...fido2, ...usb, startInstall: install.startInstall });
        return {
          ...initialData(deps.env),
          ...navigationActions(set, get, deps),
          ...choiceActions(set, get, deps),
          ...fido2,
          ...usb,
          ...install,
          ...unattended,
          ...bootActions(set, get, deps, { ...install, ...unattended, ...saving }),
        };
      },
      {
        name: 'wizard-state',
        storage,
        partialize,
        // The storage migrates an older file while reading it back, so persist meets only this version.
        version: PERSIST_VERSION,
        merge,
        // Read back in start(), over IPC; a store made only to prerender never reads or writes.
        skipHydration: true,
        // Read back (or found unreadable, or nothing saved): from now on changes are written. What
        // the store holds now counts as saved, so an unreadable file is kept until a choice changes.
        onRehydrateStorage: () => () => storage.open({ state: partialize(store.getState()), version: PERSIST_VERSION }),
      },
    ),
  );
  return store;
}

export type { WizardStore } from './types';
