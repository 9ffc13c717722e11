// The browser preview: the built renderer over HTTP on 127.0.0.1 and the IPC contract over a
// WebSocket at /ipc, for development, demos and browser-based tests. Only this machine's
// loopback, a random port, and a WebSocket that needs the page's random token and our exact
// Origin, so no other page or local process that lacks the URL can drive the wizard.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { PREVIEW_TOKEN_PARAM, PREVIEW_WS_PATH } from '../../shared/ipc/ws-protocol';
import type { Dispatch } from './dispatcher';
import type { InstallEventListener } from './event-hub';
import { silentLogger, type Logger } from './log';
import { servePreviewSocket, type PreviewSender } from './preview/ws-session';
import { resolveContained } from './security/contained-path';
import { contentSecurityPolicy, securityHeaders } from './security/csp';
import { contentType } from './security/mime';

export const PREVIEW_HOST = '127.0.0.1';
/** log.export may carry 5 MB of text; JSON escaping can grow it. */
const MAX_WS_MESSAGE_BYTES = 12 * 1024 * 1024;

export interface PreviewServerOptions {
  readonly rendererDir: string;
  readonly port?: number;
  readonly dispatch: Dispatch<PreviewSender>;
  readonly subscribe: (listener: InstallEventListener) => () => void;
  readonly log?: Logger;
}

export interface PreviewServer {
  /** The page's URL, token included: whoever has it can drive the wizard. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const log = options.log ?? silentLogger;
  const root = await fs.realpath(options.rendererDir);
  const token = randomBytes(32).toString('base64url');
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES });
  let origin = '';
  let headers: Record<string, string> = {};

  const server = http.createServer((req, res) => {
    void serveFile(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, headers);
      res.end();
    });
  });

  async function serveFile(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.headers.host !== hostOf(origin)) return refuse(res, 421);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405);
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0]!;
    const found = await resolveContained(root, rawPath);
    if (!found.ok) return refuse(res, found.status);
    const stat = await fs.stat(found.file);
    res.writeHead(200, { ...headers, 'Content-Type': contentType(found.file), 'Content-Length': String(stat.size) });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  function refuse(res: http.ServerResponse, status: number): void {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${status}\n`);
  }

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const problem = upgradeProblem(req, origin, token);
    if (problem) {
      log('preview.ws-refused', { reason: problem });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => servePreviewSocket(ws, options.dispatch, options.subscribe));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, PREVIEW_HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${PREVIEW_HOST}:${port}`;
  headers = securityHeaders(contentSecurityPolicy({ connectSrc: [`ws://${PREVIEW_HOST}:${port}${PREVIEW_WS_PATH}`] }));

  return {
    url: `${origin}/?${PREVIEW_TOKEN_PARAM}=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const hostOf = (origin: string) => origin.replace(/^http:\/\//, '');

/** Why an upgrade is refused, or null. Every check must pass; the token is compared in constant time. */
export function upgradeProblem(req: http.IncomingMessage, origin: string, token: string): string | null {
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname !== PREVIEW_WS_PATH) return 'path';
  if (req.headers.host !== hostOf(origin)) return 'host';
  if (req.headers.origin !== origin) return 'origin';
  const given = url.searchParams.get(PREVIEW_TOKEN_PARAM) ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return 'token';
  return null;
}
