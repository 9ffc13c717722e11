// The wizard's one window: kiosk, frameless and full screen on the first-boot VM; a normal
// window with developer tools under --dev.
import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './web-preferences';

export function mainWindowOptions(preloadPath: string, dev: boolean): BrowserWindowConstructorOptions {
  const placement: BrowserWindowConstructorOptions = dev
    ? { width: 1280, height: 800, frame: true, kiosk: false, fullscreen: false }
    : { kiosk: true, fullscreen: true, frame: false, resizable: false, movable: false, minimizable: false, closable: false };
  return {
    ...placement,
    show: false,
    backgroundColor: '#101418',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath, dev),
  };
}
