// A tiny Node-side client of the preview WebSocket (shared/ipc/ws-protocol.ts), for tests.
import WebSocket from 'ws';
import { WsServerMessageSchema, type WsServerMessage } from '../../../shared/ipc/ws-protocol';

export interface PreviewClient {
  call(channel: string, request: unknown): Promise<WsServerMessage>;
  readonly messages: WsServerMessage[];
  close(): void;
}

/** Connects, or rejects with the HTTP status of a refused upgrade. */
export function connectPreview(wsUrl: string, origin: string | undefined): Promise<PreviewClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, origin === undefined ? {} : { origin });
    const messages: WsServerMessage[] = [];
    const waiting = new Map<number, (m: WsServerMessage) => void>();
    let nextId = 1;
    socket.on('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    socket.on('error', (e) => reject(e));
    socket.on('message', (data) => {
      const message = WsServerMessageSchema.parse(JSON.parse(data.toString()));
      messages.push(message);
      if ('id' in message) waiting.get(message.id)?.(message);
    });
    socket.on('open', () =>
      resolve({
        messages,
        call: (channel, request) =>
          new Promise((done) => {
            const id = nextId++;
            waiting.set(id, done);
            socket.send(JSON.stringify({ id, channel, request }));
          }),
        close: () => socket.close(),
      }),
    );
  });
}
