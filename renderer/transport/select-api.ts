// Which transport carries the API: Electron's preload exposes it as window.spectrum; without it
// (the browser preview) the WebSocket client is loaded, as a separate chunk. The page does not
// wait for that chunk: calls made before it is there go out once it is (ADR 054).
import { createApiClient, API_GLOBAL, type WizardApi } from '../../shared/ipc/api';
import { previewSocketUrl } from './preview-url';
import type { SocketLike } from './ws-client';

export function injectedApi(win: Window): WizardApi | null {
  const candidate = (win as unknown as Record<string, unknown>)[API_GLOBAL];
  return typeof candidate === 'object' && candidate !== null ? (candidate as WizardApi) : null;
}

export function selectApi(win: Window): WizardApi {
  const injected = injectedApi(win);
  if (injected) return injected;
  const client = import('./ws-client').then(({ createWsClient }) =>
    createWsClient({
      url: previewSocketUrl(win.location),
      // The DOM's WebSocket has these members; its handler types are narrower than SocketLike's.
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
    }),
  );
  return createApiClient(
    (channel, request) => client.then((c) => c.invoke(channel, request)),
    (listener) => {
      let unsubscribe: (() => void) | null = null;
      let gone = false;
      void client.then((c) => {
        if (!gone) unsubscribe = c.subscribe(listener);
      });
      return () => {
        gone = true;
        unsubscribe?.();
      };
    },
  );
}
