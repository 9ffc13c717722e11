// The one entry point of every IPC request, whatever carried it (Electron's ipcMain or the
// preview WebSocket): refuse unknown channels and foreign senders, validate the request with
// the contract, run the handler, and turn whatever happens into an IpcResult. Never throws.
import { ipcContract, type Channel, type IpcResult } from '../../shared/ipc/contract';
import { jsonPointer } from '../../shared/plan/plan-schema';
import type { Handlers } from './handlers';
import { IpcFailure, isIpcFailure } from './ipc-error';
import { describeError, silentLogger, type Logger } from './log';

export type Dispatch<S> = (channel: unknown, rawRequest: unknown, sender: S) => Promise<IpcResult<unknown>>;

export interface DispatcherOptions<S> {
  /** Transport-specific check that the request comes from our own page. */
  readonly isTrustedSender: (sender: S) => boolean;
  readonly log?: Logger;
}

const isChannel = (c: unknown): c is Channel => typeof c === 'string' && Object.hasOwn(ipcContract, c);

function fail(error: IpcFailure): IpcResult<never> {
  return { ok: false, error: error.toIpcError() };
}

export function createDispatcher<S>(handlers: Handlers, options: DispatcherOptions<S>): Dispatch<S> {
  const log = options.log ?? silentLogger;
  return async (channel, rawRequest, sender) => {
    try {
      if (!options.isTrustedSender(sender)) {
        log('ipc.forbidden-sender');
        return fail(new IpcFailure('ipc-forbidden-sender', 'the request does not come from the wizard page'));
      }
      if (!isChannel(channel)) {
        return fail(new IpcFailure('ipc-unknown-channel', 'no such IPC channel'));
      }
      const parsed = ipcContract[channel].request.safeParse(rawRequest);
      if (!parsed.success) {
        // Path and zod's message only: an issue's `input` could be a passphrase or a PIN.
        const details = parsed.error.issues.slice(0, 16).map((i) => ({ path: jsonPointer(i.path), problem: i.message }));
        return fail(new IpcFailure('ipc-bad-request', `invalid request for ${channel}`, details));
      }
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      const checked = ipcContract[channel].response.safeParse(value);
      if (!checked.success) {
        log('ipc.bad-response', { channel });
        return fail(new IpcFailure('ipc-internal', 'internal error'));
      }
      return { ok: true, value: checked.data };
    } catch (e) {
      if (isIpcFailure(e)) return fail(e);
      log('ipc.internal-error', { channel: isChannel(channel) ? channel : 'unknown', ...describeError(e) });
      return fail(new IpcFailure('ipc-internal', 'internal error'));
    }
  };
}
