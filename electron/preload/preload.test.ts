// The preload against a fake of Electron's renderer modules: it exposes exactly the contract's
// functions under window.spectrum, invokes over one channel, and hands listeners bare events.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';

const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
const rendererListeners = new Map<string, ((...args: unknown[]) => void)[]>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: { echoed: args[1] } };
    },
    on: (channel: string, listener: (...args: unknown[]) => void) =>
      rendererListeners.set(channel, [...(rendererListeners.get(channel) ?? []), listener]),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      rendererListeners.set(
        channel,
        (rendererListeners.get(channel) ?? []).filter((l) => l !== listener),
      ),
  },
}));

type Api = Record<string, (arg: unknown) => unknown>;
let api: Api;

beforeAll(async () => {
  await import('./preload');
  api = exposed.get('spectrum') as Api;
});

describe('preload', () => {
  it('exposes only window.spectrum, with exactly the contract functions and onInstallEvent', () => {
    expect([...exposed.keys()]).toEqual(['spectrum']);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onInstallEvent'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true);
  });

  it('invokes over the one ipc channel with the contract channel and the request', async () => {
    expect(await api['app.info']!({})).toEqual({ ok: true, value: { echoed: 'app.info' } });
    expect(invoked.at(-1)).toEqual(['ipc', 'app.info', {}]);
  });

  it('passes install events without the IpcRendererEvent, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const unsubscribe = api.onInstallEvent!((...args: unknown[]) => seen.push(args)) as () => void;
    const fire = (event: unknown) => rendererListeners.get('install.event')!.forEach((l) => l({ sender: 'ipcRenderer', ports: [] }, event));
    fire({ kind: 'connection', state: 'restored' });
    expect(seen).toEqual([[{ kind: 'connection', state: 'restored' }]]);
    unsubscribe();
    expect(rendererListeners.get('install.event')).toEqual([]);
  });
});
