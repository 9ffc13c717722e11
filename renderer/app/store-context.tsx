// The store reaches components through context; components select the slices they render.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WizardStore, WizardStoreApi } from '../state/store';
import type { WizardActions } from '../state/types';

const StoreContext = createContext<WizardStoreApi | null>(null);

export function StoreProvider({ store, children }: { store: WizardStoreApi; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useWizardStore(): WizardStoreApi {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWizardStore outside StoreProvider');
  return store;
}

/** A slice of the state; the component re-renders when that slice changes. */
export function useWizard<T>(selector: (state: WizardStore) => T): T {
  return useStore(useWizardStore(), selector);
}

/** The store's actions, for event handlers: stable functions that always act on current state. */
export function useActions(): WizardActions {
  const store = useWizardStore();
  return useMemo(() => store.getState(), [store]);
}
