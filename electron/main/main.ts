// Electron's main process (built to dist/electron/main.cjs). Configuration: see
// electron/node/config.ts (--socket, --signing-key, --state-dir, --export-dir, --dev,
// --sandbox, --simulated-fido2). The security wiring lives in small functions next to this
// file, each taking Electron's objects as parameters so it can be tested without Electron.
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import path from 'node:path';
import { configFromArgv } from '../node/config';
import { createLogger } from '../node/log';
import { createWizardRuntime, type WizardRuntime } from '../node/runtime';
import { APP_CSP } from '../node/security/csp';
import { APP_ENTRY_URL, handleAppProtocol, registerAppScheme } from './app-protocol';
import type { InvokeEventLike } from './electron-surface';
import { hardenSession } from './harden-session';
import { hardenAllWebContents } from './harden-web-contents';
import { forwardEvents, registerIpc } from './ipc-bridge';
import { mainWindowOptions } from './main-window';
import { isTrustedSender } from './sender-check';

const log = createLogger((line) => process.stderr.write(line));
// Chromium's own switches pass through as unknown arguments and are not ours to judge.
const { config, warnings, args } = configFromArgv(process.argv.slice(1), process.env, {
  stateDir: path.join(app.getPath('userData'), 'state'),
});
for (const warning of [...warnings, ...args.problems]) log('main.config-warning', { warning });

// Before ready: every renderer sandboxed, one instance, our scheme privileged.
app.enableSandbox();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(protocol);
  hardenAllWebContents(app);
  start();
}

function start(): void {
  let window: BrowserWindow | null = null;
  let runtime: WizardRuntime<InvokeEventLike> | null = null;

  app.on('second-instance', () => {
    if (window && !window.isDestroyed()) window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => runtime?.close());

  void app.whenReady().then(() => {
    Menu.setApplicationMenu(null);
    hardenSession(session.defaultSession, APP_CSP);
    handleAppProtocol(protocol, path.join(__dirname, '..', 'renderer'));

    runtime = createWizardRuntime<InvokeEventLike>(
      config,
      {
        runtime: 'electron',
        version: app.getVersion(),
        restart: () => {
          // After the answer has gone back to the renderer.
          setTimeout(() => {
            app.relaunch();
            app.exit(0);
          }, 200);
          return true;
        },
      },
      (event) => isTrustedSender(event, window && !window.isDestroyed() ? window.webContents.id : null),
      log,
    );
    registerIpc(ipcMain, runtime.dispatch);

    // electronegativity-justified: CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK, AUXCLICK_JS_CHECK — the tool
    // cannot see into mainWindowOptions(): secureWebPreferences() sets contextIsolation and sandbox true and
    // disables Auxclick, and web-preferences.test.ts holds each value.
    window = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs'), config.dev));
    const contents = window.webContents;
    forwardEvents(
      (listener) => runtime!.events.subscribe(listener),
      () => contents,
    );
    window.once('ready-to-show', () => window?.show());

    // A crashed renderer is reloaded (a few times): a kiosk has no other way back.
    let reloads = 0;
    contents.on('render-process-gone', (_event, details) => {
      log('main.renderer-gone', { reason: details.reason });
      if (reloads++ < 3 && !contents.isDestroyed()) contents.reload();
    });

    log('main.started', {
      transport: config.transport.kind,
      dev: config.dev,
      sandbox: config.sandbox,
      simulatedFido2: config.simulatedFido2,
    });
    void window.loadURL(APP_ENTRY_URL);
  });
}
