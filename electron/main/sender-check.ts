// Every IPC request must come from our window's top frame showing our own app:// page; a
// subframe, another web contents or any other origin gets `ipc-forbidden-sender`.
import { APP_HOST, APP_SCHEME } from './app-protocol';
import type { InvokeEventLike } from './electron-surface';

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** `windowContentsId`: the id of our window's web contents, or null before it exists. */
export function isTrustedSender(event: InvokeEventLike, windowContentsId: number | null): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (windowContentsId === null || event.sender.id !== windowContentsId) return false;
  return isAppUrl(frame.url);
}
