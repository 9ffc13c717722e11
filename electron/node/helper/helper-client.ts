// The wizard's side of a helper session (docs/protocol.md §3.1): connect, read a fresh `hello`, send
// one of plan/attach/retry, read its answer. Failures become the typed IPC errors the renderer
// localizes: `helper-unreachable` (with the transport's reason as a detail), `helper-protocol`,
// or the helper's own `error` code with its message and details.
import type { Accepted, Hello, HelperMessage, Progress, Result, WizardMessage } from '../../../shared/protocol/messages';
import { PROTOCOL_MINOR, minorMismatch } from '../../../shared/protocol/minor';
import { IpcFailure } from '../ipc-error';
import { TransportError, type Transport } from '../transport/transport';
import { ConnectionEndedError, FrameConnection } from './frame-connection';

export interface HelperTimeouts {
  /** For `hello`, which the helper sends at once. */
  readonly helloMs: number;
  /** For the answer to plan/attach/retry (verification, opening the seal). */
  readonly answerMs: number;
}

export const DEFAULT_HELPER_TIMEOUTS: HelperTimeouts = { helloMs: 10_000, answerMs: 60_000 };

export interface HelperSession {
  readonly hello: Hello;
  readonly connection: FrameConnection;
}

/** What may follow plan/attach/retry: `accepted`, or (attach) the state of a running plan. */
export type StartAnswer = Accepted | Progress | Result;
/** The messages that start or follow a plan. */
export type StartMessage = Extract<WizardMessage, { type: 'plan' | 'attach' | 'retry' }>;

export async function openHelperSession(transport: Transport, timeouts: HelperTimeouts = DEFAULT_HELPER_TIMEOUTS): Promise<HelperSession> {
  let stream;
  try {
    stream = await transport.connect();
  } catch (e) {
    throw unreachable(e);
  }
  const connection = new FrameConnection(stream);
  try {
    const first = await connection.next(timeouts.helloMs);
    if (first.type === 'error') throw helperError(first);
    if (first.type !== 'hello') throw new IpcFailure('helper-protocol', `expected hello from the helper, got ${first.type}`);
    // A helper of another minor version: refuse it before sending anything it may not understand.
    if (first.minor !== PROTOCOL_MINOR)
      throw new IpcFailure('helper-version-mismatch', minorMismatch(PROTOCOL_MINOR, first.minor, 'helper'));
    return { hello: first, connection };
  } catch (e) {
    connection.close();
    throw asIpcFailure(e);
  }
}

export async function request(
  session: HelperSession,
  message: StartMessage,
  timeouts: HelperTimeouts = DEFAULT_HELPER_TIMEOUTS,
): Promise<StartAnswer> {
  try {
    await session.connection.send(message);
    const answer = await session.connection.next(timeouts.answerMs);
    if (answer.type === 'error') throw helperError(answer);
    if (answer.type !== 'accepted' && answer.type !== 'progress' && answer.type !== 'result')
      throw new IpcFailure('helper-protocol', `the helper answered ${message.type} with ${answer.type}`);
    return answer;
  } catch (e) {
    session.connection.close();
    throw asIpcFailure(e);
  }
}

/** One question on a session of its own (protocol 1.1 queries such as `usb-drives`): its answer of type `type`. */
export async function ask<T extends HelperMessage['type']>(
  transport: Transport,
  message: WizardMessage,
  type: T,
  timeouts: HelperTimeouts = DEFAULT_HELPER_TIMEOUTS,
): Promise<Extract<HelperMessage, { type: T }>> {
  const session = await openHelperSession(transport, timeouts);
  try {
    await session.connection.send(message);
    const answer = await session.connection.next(timeouts.answerMs);
    if (answer.type === 'error') throw helperError(answer);
    if (answer.type !== type) throw new IpcFailure('helper-protocol', `the helper answered ${message.type} with ${answer.type}`);
    return answer as Extract<HelperMessage, { type: T }>;
  } catch (e) {
    throw asIpcFailure(e);
  } finally {
    session.connection.close();
  }
}

function helperError(frame: Extract<HelperMessage, { type: 'error' }>): IpcFailure {
  return new IpcFailure(frame.code, frame.message, frame.details);
}

function unreachable(e: unknown): IpcFailure {
  if (e instanceof TransportError) {
    return new IpcFailure('helper-unreachable', e.message, [{ path: '/transport', problem: e.reason }]);
  }
  return new IpcFailure('helper-unreachable', 'could not connect to the helper');
}

function asIpcFailure(e: unknown): IpcFailure {
  if (e instanceof IpcFailure) return e;
  if (e instanceof ConnectionEndedError) {
    return e.reason === 'protocol'
      ? new IpcFailure('helper-protocol', e.message)
      : new IpcFailure('helper-unreachable', e.message, [{ path: '/connection', problem: e.reason }]);
  }
  return new IpcFailure('helper-protocol', 'the helper session failed');
}
