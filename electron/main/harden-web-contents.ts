// Every web contents the app ever creates is locked to the page it was loaded with: no
// navigation (top frame or subframe, redirects included), no new windows, no <webview>.
// shell.openExternal is never used anywhere, so a link cannot leave the kiosk either.
import type { AppLike, WebContentsLike } from './electron-surface';

export function hardenWebContents(contents: WebContentsLike): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Hardens each web contents as it is created, before it can load anything. */
export function hardenAllWebContents(app: AppLike): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
