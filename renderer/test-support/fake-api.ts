// A scripted WizardApi for unit tests: each channel answers from a handler the test sets, every
// call is recorded, and install events are pushed by hand.
import type { WizardApi } from '../../shared/ipc/api';
import { CHANNEL_NAMES } from './channels';
import type { Channel, HelperInfo, InstallEvent, IpcResult, RequestOf, ResponseOf } from '../../shared/ipc/contract';

type Handler<C extends Channel> = (request: RequestOf<C>) => IpcResult<ResponseOf<C>> | Promise<IpcResult<ResponseOf<C>>>;
export type Handlers = { [C in Channel]?: Handler<C> };

export interface FakeApi {
  readonly api: WizardApi;
  readonly calls: { channel: Channel; request: unknown }[];
  readonly handlers: Handlers;
  emit(event: InstallEvent): void;
  callsOf(channel: Channel): unknown[];
}

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (code: string, message = code): IpcResult<never> => ({ ok: false, error: { code, message } });

export const CATALOG: HelperInfo['catalog'] = [
  { id: 'netvm', name: 'Network', sizeBytes: 200e6, kind: 'system' },
  { id: 'guivm', name: 'GUI', sizeBytes: 300e6, kind: 'system' },
  { id: 'usbvm', name: 'USB', sizeBytes: 100e6, kind: 'system' },
  { id: 'browser', name: 'Web browser', sizeBytes: 700e6, kind: 'app' },
  { id: 'editor', name: 'Editor', sizeBytes: 150e6, kind: 'app' },
  { id: 'terminal', name: 'Terminal', sizeBytes: 100e6, kind: 'app' },
  { id: 'mail', name: 'Mail', sizeBytes: 250e6, kind: 'app' },
  { id: 'chat', name: 'Chat', sizeBytes: 200e6, kind: 'app' },
  { id: 'nixos', name: 'NixOS', sizeBytes: 2e9, kind: 'app' },
];

export function helperInfo(change: Partial<HelperInfo> = {}): HelperInfo {
  return {
    protocol: 1,
    helper: 'test-helper 0.0.0',
    machine: { userDataBytes: 100e9, memoryBytes: 8e9 },
    catalog: CATALOG,
    state: { phase: 'fresh' },
    ...change,
  };
}

export function createFakeApi(handlers: Handlers = {}): FakeApi {
  const calls: FakeApi['calls'] = [];
  const listeners = new Set<(e: InstallEvent) => void>();
  const defaults: Handlers = {
    'app.info': () => ok({ version: '0.1.0', runtime: 'preview', simulatedFido2: true, sandbox: true }),
    'helper.info': () => ok(helperInfo()),
    'wizardState.load': () => ok(null),
    'wizardState.save': () => ok({ saved: true }),
    'wizardState.clear': () => ok({ cleared: true }),
    'log.export': () => ok({ path: '/tmp/log.txt' }),
    'app.restart': () => ok({ restarting: true }),
  };
  const all: Handlers = { ...defaults, ...handlers };
  const api: Record<string, unknown> = {
    onInstallEvent(listener: (e: InstallEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  for (const channel of CHANNEL_NAMES) {
    api[channel] = async (request: unknown) => {
      calls.push({ channel, request });
      const handler = all[channel] as ((r: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>) | undefined;
      if (!handler) return fail('ipc-internal', `no fake handler for ${channel}`);
      return handler(request);
    };
  }
  return {
    api: api as unknown as WizardApi,
    calls,
    handlers: all,
    emit: (e) => listeners.forEach((l) => l(e)),
    callsOf: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.request),
  };
}
