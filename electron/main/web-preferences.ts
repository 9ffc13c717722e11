// The renderer's webPreferences: Electron's security checklist, each item spelled out even
// where it is already the default, so a test and a reader can see every one.
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string, dev: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    plugins: false,
    // A middle click must not open anything, even though new windows are denied anyway.
    disableBlinkFeatures: 'Auxclick',
    // Alerts and prompts have no place in a kiosk wizard.
    disableDialogs: true,
    devTools: dev,
  };
}
