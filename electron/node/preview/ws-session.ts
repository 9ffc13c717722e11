// One authenticated preview WebSocket: requests in, answers and install events out, in the
// message shapes of shared/ipc/ws-protocol.ts. The same dispatcher as Electron's ipcMain.
import type { WebSocket, RawData } from 'ws';
import type { InstallEvent } from '../../../shared/ipc/contract';
import { WsRequestSchema, type WsServerMessage } from '../../../shared/ipc/ws-protocol';
import type { Dispatch } from '../dispatcher';
import type { InstallEventListener } from '../event-hub';

/** The sender of a preview request: its socket passed the token and Origin checks. */
export interface PreviewSender {
  readonly transport: 'preview';
  readonly authenticated: boolean;
}

export function servePreviewSocket(
  socket: WebSocket,
  dispatch: Dispatch<PreviewSender>,
  subscribe: (listener: InstallEventListener) => () => void,
): void {
  const sender: PreviewSender = { transport: 'preview', authenticated: true };
  const send = (message: WsServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = subscribe((event: InstallEvent) => send({ event }));
  socket.on('close', unsubscribe);
  socket.on('error', () => socket.terminate());

  socket.on('message', (data: RawData, isBinary: boolean) => {
    let value: unknown;
    try {
      if (isBinary) throw new Error('binary');
      value = JSON.parse(rawText(data));
    } catch {
      socket.close(1003, 'expected JSON text');
      return;
    }
    const parsed = WsRequestSchema.safeParse(value);
    if (!parsed.success) {
      const id = (value as { id?: unknown } | null)?.id;
      if (typeof id === 'number' && Number.isInteger(id) && id >= 0) {
        send({ id, result: { ok: false, error: { code: 'ipc-bad-request', message: 'not a request message' } } });
      } else {
        socket.close(1008, 'not a request message');
      }
      return;
    }
    const { id, channel, request } = parsed.data;
    void dispatch(channel, request, sender).then((result) => send({ id, result }));
  });
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
