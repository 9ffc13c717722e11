// The browser preview's WebSocket carries the same IPC contract as Electron's ipcRenderer:
// requests with an id, answers with that id, and pushed install events.
import { z } from 'zod';
import { InstallEventSchema, IpcErrorSchema } from './contract';

export { PREVIEW_TOKEN_PARAM, PREVIEW_WS_PATH } from './ws-endpoint';

export const WsRequestSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  channel: z.string().max(64),
  request: z.unknown(),
});
export type WsRequest = z.infer<typeof WsRequestSchema>;

export const WsServerMessageSchema = z.union([
  z.strictObject({
    id: z.number().int().nonnegative(),
    result: z.union([
      z.strictObject({ ok: z.literal(true), value: z.unknown() }),
      z.strictObject({ ok: z.literal(false), error: IpcErrorSchema }),
    ]),
  }),
  z.strictObject({ event: InstallEventSchema }),
]);
export type WsServerMessage = z.infer<typeof WsServerMessageSchema>;
