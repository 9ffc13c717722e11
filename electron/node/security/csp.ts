// The renderer's Content Security Policy and the other response headers, one definition for
// the app:// scheme in Electron and the preview's HTTP server. Scripts and styles come only
// from our own origin; nothing is framed, embedded, posted or fetched elsewhere.
export interface CspOptions {
  /** Where the page may connect: nothing in Electron, the preview's own WebSocket in the preview. */
  readonly connectSrc: readonly string[];
}

export function contentSecurityPolicy(options: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', ...(options.connectSrc.length ? options.connectSrc : ["'none'"])],
    ['media-src', "'none'"],
    ['object-src', "'none'"],
    ['frame-src', "'none'"],
    // The passphrase strength estimator runs in a worker of ours so typing stays smooth.
    ['worker-src', "'self'"],
    ['manifest-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** The policy of the Electron app:// pages. */
export const APP_CSP = contentSecurityPolicy({ connectSrc: [] });

export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), hid=(), serial=(), payment=()',
    'Cache-Control': 'no-store',
  };
}
