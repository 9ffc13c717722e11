// The renderer's API type, derived from the contract, and one client builder shared by the
// preload (over ipcRenderer.invoke) and the browser preview (over a WebSocket).
import { CHANNEL_NAMES, EVENT_CHANNEL } from './channels';
import type { Channel, InstallEvent, IpcResult, RequestOf, ResponseOf } from './contract';

export type InvokeFn = (channel: Channel, request: unknown) => Promise<IpcResult<unknown>>;
export type SubscribeFn = (listener: (event: InstallEvent) => void) => () => void;

export type WizardApi = {
  readonly [C in Channel]: (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;
} & {
  readonly onInstallEvent: (listener: (event: InstallEvent) => void) => () => void;
};

/** The global name the preload exposes the API under (window.spectrum). */
export const API_GLOBAL = 'spectrum';
export { EVENT_CHANNEL };

export function createApiClient(invoke: InvokeFn, subscribe: SubscribeFn): WizardApi {
  const api: Record<string, unknown> = { onInstallEvent: subscribe };
  for (const channel of CHANNEL_NAMES) {
    api[channel] = (request: unknown) => invoke(channel, request);
  }
  return Object.freeze(api) as WizardApi;
}
