// Where the browser preview's WebSocket is: the same host as the page, path /ipc, with the
// session token the page's own URL carries.
import { PREVIEW_TOKEN_PARAM, PREVIEW_WS_PATH } from '../../shared/ipc/ws-endpoint';

export function previewSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const token = new URLSearchParams(location.search).get(PREVIEW_TOKEN_PARAM) ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${PREVIEW_WS_PATH}?${PREVIEW_TOKEN_PARAM}=${encodeURIComponent(token)}`;
}
