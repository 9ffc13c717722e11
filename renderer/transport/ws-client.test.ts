import { describe, expect, it, vi } from 'vitest';
import type { InstallEvent } from '../../shared/ipc/contract';
import { manualTimers, settle } from '../test-support/fake-deps';
import { createWsApi, createWsClient, IPC_DISCONNECTED, type SocketLike } from './ws-client';
import { previewSocketUrl } from './preview-url';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  reply(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function setup() {
  const timers = manualTimers(0);
  const sockets: FakeSocket[] = [];
  const options = {
    url: 'ws://host/ipc?token=t',
    createSocket: (url: string) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    reconnectDelaysMs: [100, 200],
    connectTimeoutMs: 1000,
  };
  return { timers, sockets, options, last: () => sockets[sockets.length - 1]! };
}

describe('WebSocket API client', () => {
  it('sends queued calls on open and resolves answers by id', async () => {
    const { options, last } = setup();
    const api = createWsApi(options);
    const answer = api['app.info']({});
    last().open();
    expect(last().sent).toEqual([{ id: 1, channel: 'app.info', request: {} }]);
    last().reply({ id: 1, result: { ok: true, value: { version: '1', runtime: 'preview', simulatedFido2: true, sandbox: true } } });
    expect(await answer).toEqual({ ok: true, value: { version: '1', runtime: 'preview', simulatedFido2: true, sandbox: true } });
  });

  it('passes typed errors through and ignores malformed messages', async () => {
    const { options, last } = setup();
    const client = createWsClient(options);
    last().open();
    const answer = client.invoke('helper.info', {});
    last().onmessage?.({ data: 'not json' });
    last().reply({ id: 1, bogus: true });
    last().reply({ id: 1, result: { ok: false, error: { code: 'helper-unreachable', message: 'no helper' } } });
    expect(await answer).toEqual({ ok: false, error: { code: 'helper-unreachable', message: 'no helper' } });
  });

  it('delivers pushed install events to subscribers, in the order they came', async () => {
    const { options, last } = setup();
    const client = createWsClient(options);
    const seen: InstallEvent[] = [];
    const off = client.subscribe((e) => seen.push(e));
    last().open();
    last().reply({ event: { kind: 'connection', state: 'lost' } });
    last().reply({ event: { kind: 'connection', state: 'restored' } });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    off();
    last().reply({ event: { kind: 'connection', state: 'gave-up' } });
    await settle();
    expect(seen).toEqual([
      { kind: 'connection', state: 'lost' },
      { kind: 'connection', state: 'restored' },
    ]);
  });

  it('builds the contract schemas on the first message, not before', async () => {
    const { options, last } = setup();
    let loads = 0;
    const api = createWsApi({
      ...options,
      loadServerCheck: async () => {
        loads++;
        const { WsServerMessageSchema } = await import('../../shared/ipc/ws-protocol');
        return (json) => WsServerMessageSchema.safeParse(json).data ?? null;
      },
    });
    const answer = api['app.restart']({});
    last().open();
    expect(loads).toBe(0);
    last().reply({ id: 1, result: { ok: true, value: { restarting: false } } });
    expect(await answer).toEqual({ ok: true, value: { restarting: false } });
    expect(loads).toBe(1);
  });

  it('fails calls in flight when the socket drops, announces it, reconnects and announces that', async () => {
    const { options, sockets, last, timers } = setup();
    const client = createWsClient(options);
    const seen: InstallEvent[] = [];
    client.subscribe((e) => seen.push(e));
    last().open();
    const inFlight = client.invoke('helper.info', {});
    last().drop();
    const r = await inFlight;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(IPC_DISCONNECTED);
    expect(seen).toEqual([{ kind: 'connection', state: 'lost' }]);
    const queued = client.invoke('app.info', {});
    timers.advance(100);
    expect(sockets).toHaveLength(2);
    last().open();
    expect(seen).toEqual([
      { kind: 'connection', state: 'lost' },
      { kind: 'connection', state: 'restored' },
    ]);
    expect(last().sent).toEqual([{ id: 2, channel: 'app.info', request: {} }]);
    last().reply({ id: 2, result: { ok: true, value: { version: '1', runtime: 'preview', simulatedFido2: false, sandbox: false } } });
    expect((await queued).ok).toBe(true);
  });

  it('a call that cannot be sent in time fails with the typed error', async () => {
    const { options, timers } = setup();
    const client = createWsClient(options);
    const waiting = client.invoke('app.info', {});
    timers.advance(1000);
    await settle();
    const r = await waiting;
    expect(r.ok ? null : r.error.code).toBe(IPC_DISCONNECTED);
  });

  it('backs off between reconnects', () => {
    const { options, sockets, last, timers } = setup();
    createWsClient(options);
    last().drop();
    timers.advance(99);
    expect(sockets).toHaveLength(1);
    timers.advance(1);
    expect(sockets).toHaveLength(2);
    last().drop();
    timers.advance(199);
    expect(sockets).toHaveLength(2);
    timers.advance(1);
    expect(sockets).toHaveLength(3);
  });

  it('builds the socket URL from the page URL, token included', () => {
    expect(previewSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080', search: '?token=a%2Bb' })).toBe(
      'ws://127.0.0.1:8080/ipc?token=a%2Bb',
    );
    expect(previewSocketUrl({ protocol: 'https:', host: 'h', search: '' })).toBe('wss://h/ipc?token=');
  });
});
