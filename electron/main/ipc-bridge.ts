// Electron's side of the two transports: one ipcMain.handle for every contract channel,
// answered by the shared dispatcher, and install events pushed to the window.
import { EVENT_CHANNEL, type InstallEvent } from '../../shared/ipc/contract';
import type { Dispatch } from '../node/dispatcher';
import { IPC_INVOKE_CHANNEL } from '../../shared/ipc/channels';
import type { InvokeEventLike, IpcMainLike } from './electron-surface';

export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch<InvokeEventLike>): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, channel, request) => dispatch(channel, request, event));
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, event: InstallEvent): void;
}

export function forwardEvents(
  subscribe: (listener: (event: InstallEvent) => void) => () => void,
  target: () => EventTarget | null,
): () => void {
  return subscribe((event) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
