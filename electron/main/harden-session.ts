// The session's defences: every permission request and check denied, device access denied,
// downloads cancelled, and the CSP header set on every response (the app:// handler sets it
// too; this covers anything else the session loads).
import type { SessionLike } from './electron-surface';

export function hardenSession(session: SessionLike, csp: string): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders ?? {}, csp) });
  });
}

/** The response headers with ours as the only Content-Security-Policy, whatever its case. */
export function withCsp(headers: Record<string, string[]>, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  // electronegativity-justified: CSP_GLOBAL_CHECK — the tool cannot evaluate a policy held in a
  // variable; it is APP_CSP from node/security/csp.ts, whose directives csp.test.ts checks.
  out['Content-Security-Policy'] = [csp];
  return out;
}
