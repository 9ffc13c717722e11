// main.ts's wiring against a fake `electron` module: the order of the pre-ready steps, the
// window, the protocol, the IPC handler and the session defences.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_CSP } from '../node/security/csp';
import { makeTempDir } from '../../shared-node/test-support/temp-dir';
import { FakeEmitter, FakeIpcMain, FakeProtocol, FakeSession, FakeWebContents } from './test-support/fake-electron';

const calls: string[] = [];
const temp = makeTempDir();
let resolveReady: () => void = () => {};
const windows: { options: Record<string, unknown>; loaded: string[]; contents: FakeWebContents & { id: number } }[] = [];

const fake = vi.hoisted(() => ({}) as Record<string, unknown>);
vi.mock('electron', () => fake);

beforeAll(async () => {
  const app = Object.assign(new FakeEmitter(), {
    getPath: () => temp.dir,
    getVersion: () => '9.9.9',
    enableSandbox: () => calls.push('enableSandbox'),
    requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), true),
    whenReady: () => new Promise<void>((r) => (resolveReady = r)),
    quit: () => calls.push('quit'),
    relaunch: () => {},
    exit: () => {},
  });
  const protocol = new FakeProtocol();
  const registerSchemes = protocol.registerSchemesAsPrivileged.bind(protocol);
  protocol.registerSchemesAsPrivileged = (s) => (calls.push('registerSchemesAsPrivileged'), registerSchemes(s));
  class BrowserWindow extends FakeEmitter {
    readonly webContents = Object.assign(new FakeWebContents(), { id: 7, isDestroyed: () => false, send: () => {}, reload: () => {} });
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push({ options, loaded: [], contents: this.webContents });
    }
    once(event: string, l: () => void) {
      return this.on(event, l);
    }
    isDestroyed() {
      return false;
    }
    focus() {}
    show() {}
    async loadURL(url: string) {
      windows.at(-1)!.loaded.push(url);
    }
  }
  Object.assign(fake, {
    app,
    protocol,
    session: { defaultSession: new FakeSession() },
    ipcMain: new FakeIpcMain(),
    Menu: { setApplicationMenu: (menu: unknown) => calls.push(`setApplicationMenu:${String(menu)}`) },
    BrowserWindow,
  });
  await import('./main');
  calls.push('ready');
  resolveReady();
  await new Promise((r) => setTimeout(r, 20));
});
afterAll(() => temp.remove());

describe('main process wiring', () => {
  it('sandboxes every renderer, takes the single-instance lock and registers app:// before ready', () => {
    expect(calls.slice(0, 4)).toEqual(['enableSandbox', 'requestSingleInstanceLock', 'registerSchemesAsPrivileged', 'ready']);
    expect((fake.app as FakeEmitter).listeners.has('web-contents-created')).toBe(true);
  });

  it('removes the menu, and hardens the session with the CSP', () => {
    expect(calls).toContain('setApplicationMenu:null');
    const session = (fake.session as { defaultSession: FakeSession }).defaultSession;
    expect(session.permissionCheck!(null, 'media')).toBe(false);
    let headers: Record<string, string[]> = {};
    session.headersReceived!({}, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([APP_CSP]);
  });

  it('serves app:// and loads the entry page in a kiosk window with the secure preferences', () => {
    expect([...(fake.protocol as FakeProtocol).handlers.keys()]).toEqual(['app']);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.options).toMatchObject({
      kiosk: true,
      frame: false,
      fullscreen: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect(String((windows[0]!.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(windows[0]!.loaded).toEqual(['app://spectrum/index.html']);
  });

  it('answers IPC only from the window top frame', async () => {
    const handle = (fake.ipcMain as FakeIpcMain).handlers.get('ipc')!;
    const top = { url: 'app://spectrum/index.html', parent: null };
    expect(await handle({ sender: { id: 7 }, senderFrame: top }, 'app.info', {})).toEqual({
      ok: true,
      value: { version: '9.9.9', runtime: 'electron', simulatedFido2: false, sandbox: false },
    });
    expect(await handle({ sender: { id: 8 }, senderFrame: top }, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'ipc-forbidden-sender' },
    });
  });
});
