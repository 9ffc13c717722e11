// Which transport carries the API: Electron's preload exposes it as window.spectrum; without it
// (the browser preview) the WebSocket client is loaded, as a separate chunk.
import { API_GLOBAL, type WizardApi } from '../../shared/ipc/api';
import type { SocketLike } from './ws-client';

export function injectedApi(win: Window): WizardApi | null {
  const candidate = (win as unknown as Record<string, unknown>)[API_GLOBAL];
  return typeof candidate === 'object' && candidate !== null ? (candidate as WizardApi) : null;
}

export async function selectApi(win: Window): Promise<WizardApi> {
  const injected = injectedApi(win);
  if (injected) return injected;
  const [{ createWsApi }, { previewSocketUrl }] = await Promise.all([import('./ws-client'), import('./preview-url')]);
  return createWsApi({
    url: previewSocketUrl(win.location),
    // The DOM's WebSocket has these members; its handler types are narrower than SocketLike's.
    createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
  });
}
