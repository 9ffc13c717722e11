// The renderer is served from app://spectrum/, a privileged standard scheme, never file://:
// the page gets a real origin (secure context, no access to the file system by URL), and the
// handler maps each request to a file inside the renderer folder or refuses it.
import { promises as fs } from 'node:fs';
import { resolveContained } from '../node/security/contained-path';
import { APP_CSP, securityHeaders } from '../node/security/csp';
import { contentType } from '../node/security/mime';
import type { CustomSchemeLike, ProtocolLike } from './electron-surface';

export const APP_SCHEME = 'app';
export const APP_HOST = 'spectrum';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** standard + secure: an origin and a secure context. Not corsEnabled (it would let other
 * origins read our responses), not bypassCSP, no service workers, no fetch() of our own. */
export const APP_SCHEME_PRIVILEGES: CustomSchemeLike = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    supportFetchAPI: false,
    corsEnabled: false,
    stream: false,
  },
};

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

export function handleAppProtocol(protocol: Pick<ProtocolLike, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}

const HEADERS = securityHeaders(APP_CSP);

function refuse(status: number): Response {
  return new Response(null, { status, headers: HEADERS });
}

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  let root: Promise<string> | null = null;
  return async (request) => {
    try {
      // The raw path, before any URL normalization, so `..` in any spelling is refused, not resolved.
      const m = /^app:\/\/spectrum(\/[^?#]*)?(?:[?#].*)?$/s.exec(request.url);
      if (!m) return refuse(404);
      if (request.method !== 'GET') return refuse(405);
      root ??= fs.realpath(rendererDir);
      const found = await resolveContained(await root, m[1] ?? '/');
      if (!found.ok) return refuse(found.status);
      const body = await fs.readFile(found.file);
      return new Response(new Uint8Array(body), { status: 200, headers: { ...HEADERS, 'Content-Type': contentType(found.file) } });
    } catch {
      root = null;
      return refuse(500);
    }
  };
}
