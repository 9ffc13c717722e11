// The main process's security wiring against small fakes of Electron's API.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { createDispatcher } from '../node/dispatcher';
import type { Handlers } from '../node/handlers';
import { APP_CSP } from '../node/security/csp';
import { makeTempDir } from '../../shared-node/test-support/temp-dir';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, handleAppProtocol, registerAppScheme } from './app-protocol';
import type { InvokeEventLike } from './electron-surface';
import { hardenSession, withCsp } from './harden-session';
import { hardenAllWebContents, hardenWebContents } from './harden-web-contents';
import { forwardEvents, registerIpc } from './ipc-bridge';
import { mainWindowOptions } from './main-window';
import { isTrustedSender } from './sender-check';
import { FakeApp, FakeIpcMain, FakeProtocol, FakeSession, FakeWebContents, invokeEvent } from './test-support/fake-electron';
import { secureWebPreferences } from './web-preferences';

describe('webPreferences', () => {
  const prefs = secureWebPreferences('/app/preload.cjs', false);
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['enableWebSQL', false],
    ['navigateOnDragDrop', false],
    ['plugins', false],
    ['disableBlinkFeatures', 'Auxclick'],
    ['devTools', false],
    ['preload', '/app/preload.cjs'],
  ])('%s is %j', (key, value) => {
    expect(prefs[key as keyof typeof prefs]).toBe(value);
  });

  it('has no enableBlinkFeatures and no webSecurity:false in dev either', () => {
    const dev = secureWebPreferences('/p', true);
    expect(dev.enableBlinkFeatures).toBeUndefined();
    expect(dev.webSecurity).toBe(true);
    expect(dev.devTools).toBe(true);
  });
});

describe('main window', () => {
  it('is kiosk, frameless and full screen in production', () => {
    const o = mainWindowOptions('/p', false);
    expect(o).toMatchObject({ kiosk: true, fullscreen: true, frame: false, closable: false, show: false });
    expect(o.webPreferences).toEqual(secureWebPreferences('/p', false));
  });

  it('is a normal window under --dev, with the same security', () => {
    const o = mainWindowOptions('/p', true);
    expect(o).toMatchObject({ kiosk: false, fullscreen: false, frame: true });
    expect(o.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });
});

describe('web contents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('denies %s', (event) => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    expect(contents.fire(event, 'https://example.org/')).toBe(true);
  });

  it('denies every window.open', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('hardens each web contents the app creates', () => {
    const app = new FakeApp();
    hardenAllWebContents(app);
    const contents = new FakeWebContents();
    app.fire('web-contents-created', contents);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.windowOpenHandler).not.toBeNull();
  });
});

describe('session', () => {
  const session = new FakeSession();
  hardenSession(session, APP_CSP);

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'usb', 'serial', 'fullscreen', 'unknown'])(
    'denies the permission request %s and its check',
    (permission) => {
      let granted: boolean | null = null;
      session.permissionRequest!(null, permission, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(session.permissionCheck!(null, permission)).toBe(false);
    },
  );

  it('denies device access and downloads', () => {
    expect(session.devicePermission!()).toBe(false);
    expect(session.fire('will-download')).toBe(true);
  });

  it('sets the CSP on every response, replacing any other', () => {
    let headers: Record<string, string[]> = {};
    session.headersReceived!(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [APP_CSP] });
    session.headersReceived!({}, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'Content-Security-Policy': [APP_CSP] });
    expect(withCsp({ 'CONTENT-SECURITY-POLICY': ['x'] }, 'y')).toEqual({ 'Content-Security-Policy': ['y'] });
  });

  it('the CSP allows only our own scripts and styles, and no connections', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).toContain("script-src 'self';");
    expect(APP_CSP).toContain("style-src 'self';");
    expect(APP_CSP).toContain("connect-src 'none'");
    expect(APP_CSP).toContain("object-src 'none'");
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(APP_CSP).not.toMatch(/unsafe-|\*/);
  });
});

describe('app:// protocol', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let handler: (request: Request) => Promise<Response>;
  beforeAll(() => {
    temp = makeTempDir();
    const renderer = path.join(temp.dir, 'renderer');
    mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(renderer, 'assets', 'app.js'), 'export {}');
    writeFileSync(path.join(temp.dir, 'secret.txt'), 'outside');
    symlinkSync(path.join(temp.dir, 'secret.txt'), path.join(renderer, 'escape.txt'));
    handler = createAppProtocolHandler(renderer);
  });
  afterAll(() => temp.remove());

  it('registers app:// as standard and secure, without CORS, CSP bypass or service workers', () => {
    const protocol = new FakeProtocol();
    registerAppScheme(protocol);
    expect(protocol.privileged).toEqual([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      corsEnabled: false,
      bypassCSP: false,
      allowServiceWorkers: false,
    });
    handleAppProtocol(protocol, temp.dir);
    expect([...protocol.handlers.keys()]).toEqual(['app']);
  });

  it('serves the entry page with the CSP', async () => {
    const r = await handler(new Request(APP_ENTRY_URL));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await r.text()).toBe('<!doctype html>');
    const js = await handler(new Request('app://spectrum/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handler(new Request('app://spectrum/'))).status).toBe(200);
  });

  // Request() would normalize `..` away, so the handler is given raw URLs as Chromium could pass them.
  const raw = (url: string) => ({ url, method: 'GET' }) as Request;
  it.each([
    'app://spectrum/../secret.txt',
    'app://spectrum/assets/../../secret.txt',
    'app://spectrum/%2e%2e/secret.txt',
    'app://spectrum/%2E%2E/secret.txt',
    'app://spectrum/.%2e/secret.txt',
    'app://spectrum/..%2fsecret.txt',
    'app://spectrum/assets%2fapp.js',
    'app://spectrum/%2fetc%2fpasswd',
    'app://spectrum/%252e%252e/secret.txt',
    'app://spectrum/%252e%252e%252fsecret.txt',
    'app://spectrum/%5c..%5csecret.txt',
    'app://spectrum/index.html%00',
    'app://spectrum/escape.txt',
    'app://spectrum/%E0%A4%A',
  ])('refuses %s', async (url) => {
    const r = await handler(raw(url));
    expect([400, 403, 404]).toContain(r.status);
    expect(r.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(await r.text()).not.toContain('outside');
  });

  it('refuses another host, another scheme and other methods', async () => {
    expect((await handler(raw('app://evil/index.html'))).status).toBe(404);
    expect((await handler(raw('file:///etc/passwd'))).status).toBe(404);
    expect((await handler({ url: APP_ENTRY_URL, method: 'POST' } as Request)).status).toBe(405);
  });
});

describe('IPC sender check', () => {
  const ours = 1;
  it('accepts our top frame on our origin', () => {
    expect(isTrustedSender(invokeEvent('app://spectrum/index.html'), ours)).toBe(true);
  });

  it.each([
    ['a subframe', invokeEvent('app://spectrum/index.html', { subframe: true })],
    ['another web contents', invokeEvent('app://spectrum/index.html', { contentsId: 2 })],
    ['another origin', invokeEvent('https://evil.example/')],
    ['file://', invokeEvent('file:///app/index.html')],
    ['another app host', invokeEvent('app://other/index.html')],
    ['credentials in the URL', invokeEvent('app://user@spectrum/index.html')],
    ['no frame', { sender: { id: 1 }, senderFrame: null }],
    ['garbage', invokeEvent('not a url')],
  ])('refuses %s', (_what, event) => {
    expect(isTrustedSender(event as InvokeEventLike, ours)).toBe(false);
  });

  it('refuses everything before the window exists', () => {
    expect(isTrustedSender(invokeEvent('app://spectrum/index.html'), null)).toBe(false);
  });

  it('answers through ipcMain with ipc-forbidden-sender for a foreign frame', async () => {
    const handlers = Object.fromEntries(
      CHANNELS.map((c) => [c, async () => ({ version: '1', runtime: 'electron', simulatedFido2: false, sandbox: false })]),
    ) as unknown as Handlers;
    const ipcMain = new FakeIpcMain();
    registerIpc(ipcMain, createDispatcher<InvokeEventLike>(handlers, { isTrustedSender: (e) => isTrustedSender(e, ours) }));
    const handle = ipcMain.handlers.get('ipc')!;
    expect(await handle(invokeEvent('app://spectrum/index.html'), 'app.info', {})).toMatchObject({ ok: true });
    expect(await handle(invokeEvent('app://spectrum/index.html', { subframe: true }), 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'ipc-forbidden-sender' },
    });
    expect(await handle(invokeEvent('https://evil.example/'), 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'ipc-forbidden-sender' },
    });
  });

  it('pushes install events to the window, and not to a destroyed one', () => {
    const sent: unknown[] = [];
    let destroyed = false;
    let listener: ((e: { kind: 'connection'; state: 'lost' }) => void) | null = null;
    forwardEvents(
      (l) => ((listener = l), () => {}),
      () => ({ isDestroyed: () => destroyed, send: (channel, event) => sent.push([channel, event]) }),
    );
    listener!({ kind: 'connection', state: 'lost' });
    destroyed = true;
    listener!({ kind: 'connection', state: 'lost' });
    expect(sent).toEqual([['install.event', { kind: 'connection', state: 'lost' }]]);
  });
});
