// The browser preview's transport: the IPC contract over one WebSocket. Requests carry an id and
// are answered with it; install events are pushed. The socket reconnects by itself; calls still
// waiting when it drops fail with a typed error, and the renderer hears `connection` events,
// as it would from main when the helper's connection drops.
import { createApiClient, type InvokeFn, type SubscribeFn, type WizardApi } from '../../shared/ipc/api';
import type { Channel, InstallEvent, IpcResult } from '../../shared/ipc/contract';
import type { WsServerMessage } from '../../shared/ipc/ws-protocol';

/** Checks one server message; null when it is not one. */
type ServerCheck = (json: unknown) => WsServerMessage | null;

/**
 * The contract's schemas are built when the first message arrives, not when the page starts:
 * nothing before the first answer needs them (ADR 054).
 */
const loadServerCheck = (): Promise<ServerCheck> =>
  import('../../shared/ipc/ws-protocol').then(({ WsServerMessageSchema }) => (json) => {
    const parsed = WsServerMessageSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  });

/** The error code of a call the transport could not complete. */
export const IPC_DISCONNECTED = 'ipc-disconnected';

/** The part of the DOM's WebSocket this client uses (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface WsClientOptions {
  readonly url: string;
  readonly createSocket: (url: string) => SocketLike;
  readonly setTimeout?: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
  /** Waits before each reconnect; the last repeats. */
  readonly reconnectDelaysMs?: readonly number[];
  /** How long a call may wait for the socket to open before it fails. */
  readonly connectTimeoutMs?: number;
  /** Where the server messages' check comes from (default: the contract's schemas, on first use). */
  readonly loadServerCheck?: () => Promise<ServerCheck>;
}

const OPEN = 1;

interface Pending {
  readonly channel: Channel;
  readonly resolve: (r: IpcResult<unknown>) => void;
  readonly message: string;
  sent: boolean;
  timer: unknown;
}

export interface WsClient {
  readonly invoke: InvokeFn;
  readonly subscribe: SubscribeFn;
  close(): void;
}

function disconnected(channel: string, why: string): IpcResult<never> {
  return { ok: false, error: { code: IPC_DISCONNECTED, message: `${channel}: ${why}` } };
}

export function createWsClient(options: WsClientOptions): WsClient {
  const setTimer = options.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const clearTimer = options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  const delays = options.reconnectDelaysMs ?? [250, 500, 1000, 2000, 5000];
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;

  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: InstallEvent) => void>();
  let nextId = 1;
  let socket: SocketLike | null = null;
  let wasOpen = false;
  let lostAnnounced = false;
  let failures = 0;
  let reconnectTimer: unknown = null;
  let closed = false;

  const emit = (event: InstallEvent) => {
    for (const l of [...listeners]) l(event);
  };

  const settle = (id: number, result: IpcResult<unknown>) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (p.timer !== null) clearTimer(p.timer);
    p.resolve(result);
  };

  const flush = () => {
    if (!socket || socket.readyState !== OPEN) return;
    for (const p of pending.values()) {
      if (p.sent) continue;
      p.sent = true;
      if (p.timer !== null) clearTimer(p.timer);
      p.timer = null;
      socket.send(p.message);
    }
  };

  let check: Promise<ServerCheck> | null = null;
  // Messages are handled in the order they came, each after the check is there.
  let inbox: Promise<void> = Promise.resolve();
  const onMessage = (data: unknown) => {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    check ??= (options.loadServerCheck ?? loadServerCheck)();
    const ready = check;
    inbox = inbox.then(async () => {
      const msg = (await ready)(json);
      if (!msg) return;
      if ('event' in msg) emit(msg.event);
      else settle(msg.id, msg.result);
    });
  };

  const scheduleReconnect = () => {
    if (closed || reconnectTimer !== null) return;
    const wait = delays[Math.min(failures, delays.length - 1)] ?? 1000;
    failures++;
    reconnectTimer = setTimer(() => {
      reconnectTimer = null;
      connect();
    }, wait);
  };

  function connect() {
    if (closed) return;
    let s: SocketLike;
    try {
      s = options.createSocket(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = s;
    s.onopen = () => {
      failures = 0;
      wasOpen = true;
      if (lostAnnounced) {
        lostAnnounced = false;
        emit({ kind: 'connection', state: 'restored' });
      }
      flush();
    };
    s.onmessage = (ev) => onMessage(ev.data);
    s.onerror = () => {
      /* a close follows */
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      // Calls already sent will never be answered on this socket.
      for (const [id, p] of pending) if (p.sent) settle(id, disconnected(p.channel, 'the connection closed before an answer'));
      if (wasOpen && !lostAnnounced && !closed) {
        lostAnnounced = true;
        emit({ kind: 'connection', state: 'lost' });
      }
      scheduleReconnect();
    };
  }

  const invoke: InvokeFn = (channel, request) =>
    new Promise((resolve) => {
      if (closed) {
        resolve(disconnected(channel, 'the client is closed'));
        return;
      }
      const id = nextId++;
      const p: Pending = { channel, resolve, message: JSON.stringify({ id, channel, request }), sent: false, timer: null };
      pending.set(id, p);
      if (socket && socket.readyState === OPEN) {
        flush();
      } else {
        p.timer = setTimer(() => settle(id, disconnected(channel, 'no connection')), connectTimeoutMs);
      }
    });

  const subscribe: SubscribeFn = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  connect();

  return {
    invoke,
    subscribe,
    close() {
      closed = true;
      if (reconnectTimer !== null) clearTimer(reconnectTimer);
      for (const [id, p] of pending) settle(id, disconnected(p.channel, 'the client is closed'));
      socket?.close();
      socket = null;
    },
  };
}

export function createWsApi(options: WsClientOptions): WizardApi {
  const client = createWsClient(options);
  return createApiClient(client.invoke, client.subscribe);
}
