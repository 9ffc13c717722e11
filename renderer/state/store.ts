// The wizard's one store (zustand vanilla): all state and every action, usable without React.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { bootActions } from './actions/boot';
import { choiceActions } from './actions/choices';
import { fido2Actions } from './actions/fido2';
import { usbActions } from './actions/usb';
import { installActions } from './actions/install';
import { navigationActions } from './actions/navigation';
import { unattendedActions } from './actions/unattended';
import { initialData } from './defaults';
import type { StoreDeps } from './deps';
import type { WizardStore } from './store-types';

export type WizardStoreApi = StoreApi<WizardStore>;

export function createWizardStore(deps: StoreDeps): WizardStoreApi {
  return createStore<WizardStore>()((set, get, api) => {
    const install = installActions(set, get, deps);
    const fido2 = fido2Actions(set, get, deps);
    const usb = usbActions(set, get, deps);
    const unattended = unattendedActions(set, get, deps, { ...fido2, ...usb, startInstall: install.startInstall });
    return {
      ...initialData(deps.env),
      logExport: { status: 'idle', path: null, code: null },
      restartRequested: false,
      unattended: 'off',
      unattendedStop: null,
      ...navigationActions(set, get, deps),
      ...choiceActions(set, get, deps),
      ...fido2,
      ...usb,
      ...install,
      ...unattended,
      ...bootActions(set, get, api.subscribe, deps, { ...install, ...unattended }),
    };
  });
}

export type { WizardStore } from './store-types';
