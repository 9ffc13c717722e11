// The browser preview over real HTTP and WebSocket on 127.0.0.1: static files with the CSP and
// path containment, and the IPC WebSocket with its token and Origin checks.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { waitFor } from './test-support/wait-for';
import { createWizardRuntime, type WizardRuntime } from './runtime';
import { startPreviewServer, type PreviewServer } from './preview-server';
import type { PreviewSender } from './preview/ws-session';
import { connectPreview } from './test-support/ws-client';
import { makeTempDir } from '../../shared-node/test-support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let server: PreviewServer;
let runtime: WizardRuntime<PreviewSender>;
let wsBase: string;

beforeEach(async () => {
  temp = makeTempDir();
  const renderer = path.join(temp.dir, 'renderer');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
  writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(temp.dir, 'secret.txt'), 'outside the renderer');
  symlinkSync(path.join(temp.dir, 'secret.txt'), path.join(renderer, 'escape.txt'));
  symlinkSync(temp.dir, path.join(renderer, 'link'));
  runtime = createWizardRuntime<PreviewSender>(
    {
      transport: { kind: 'unix', path: path.join(temp.dir, 'no-helper') },
      signingKeyPath: path.join(temp.dir, 'no-key.pem'),
      stateDir: path.join(temp.dir, 'state'),
      exportDir: path.join(temp.dir, 'exports'),
      dev: false,
      sandbox: true,
      simulatedFido2: true,
    },
    { runtime: 'preview', version: '0.0.0-test', restart: () => false },
    (sender) => sender.authenticated,
  );
  server = await startPreviewServer({ rendererDir: renderer, dispatch: runtime.dispatch, subscribe: (l) => runtime.events.subscribe(l) });
  wsBase = `ws://127.0.0.1:${server.port}/ipc`;
});
afterEach(async () => {
  runtime.close();
  await server.close();
  temp.remove();
});

function get(
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('preview HTTP', () => {
  it('listens on 127.0.0.1 with a 32-byte token in the URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
  });

  it('serves the renderer with a strict CSP', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = index.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src ws://127.0.0.1:${server.port}/ipc`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const js = await get('/assets/app.js?v=1');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2E%2E/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2fapp.js',
    '/%252e%252e/secret.txt',
    '/%5c..%5csecret.txt',
    '/assets/%00app.js',
    '/.%2e/secret.txt',
    '/escape.txt',
    '/link/secret.txt',
    '/%E0%A4%A',
  ])('refuses %s', async (rawPath) => {
    const r = await get(rawPath);
    expect([400, 403, 404]).toContain(r.status);
    expect(r.body).not.toContain('outside the renderer');
  });

  it('refuses another Host (DNS rebinding) and methods other than GET/HEAD', async () => {
    expect((await get('/', { host: `evil.example:${server.port}` })).status).toBe(421);
    const post = await new Promise<number>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: '/', method: 'POST' }, (res) => resolve(res.statusCode ?? 0));
      req.end();
    });
    expect(post).toBe(405);
  });
});

describe('preview WebSocket', () => {
  it('dispatches a request and pushes install events', async () => {
    const client = await connectPreview(`${wsBase}?token=${server.token}`, server.origin);
    const info = await client.call('app.info', {});
    expect(info).toEqual({
      id: 1,
      result: { ok: true, value: { version: '0.0.0-test', runtime: 'preview', simulatedFido2: true, sandbox: true } },
    });
    expect(await client.call('no.such', {})).toMatchObject({ result: { ok: false, error: { code: 'ipc-unknown-channel' } } });
    expect(await client.call('fido2.devices', { extra: true })).toMatchObject({
      result: { ok: false, error: { code: 'ipc-bad-request' } },
    });
    expect(await client.call('helper.info', {})).toMatchObject({ result: { ok: false, error: { code: 'signing-key-missing' } } });

    runtime.events.emit({ kind: 'connection', state: 'lost' });
    await waitFor(() => client.messages.some((m) => 'event' in m), 2000, 'the event');
    expect(client.messages.find((m) => 'event' in m)).toEqual({ event: { kind: 'connection', state: 'lost' } });
    client.close();
  });

  it('persists through the same handlers, and never a secret', async () => {
    const client = await connectPreview(`${wsBase}?token=${server.token}`, server.origin);
    expect(await client.call('wizardState.save', { version: 1, data: { step: 'keyboard' } })).toMatchObject({ result: { ok: true } });
    expect(
      await client.call('wizardState.save', { version: 1, data: { encryption: { passphrase: 'correct horse battery' } } }),
    ).toMatchObject({
      result: { ok: false, error: { code: 'ipc-bad-request' } },
    });
    expect(await client.call('wizardState.load', {})).toMatchObject({
      result: { ok: true, value: { version: 1, data: { step: 'keyboard' } } },
    });
    expect(readdirSync(path.join(temp.dir, 'state'))).toEqual(['wizard-state.json']);
    client.close();
  });

  it.each([
    ['a wrong token', (t: string) => `?token=${t.slice(0, -2)}AA`],
    ['no token', () => ''],
    ['a token of another length', (t: string) => `?token=${t}x`],
  ])('refuses %s', async (_what, query) => {
    await expect(connectPreview(`${wsBase}${query(server.token)}`, server.origin)).rejects.toThrow(/refused with 403/);
  });

  it.each([['http://evil.example'], ['http://localhost:1'], ['null'], ['http://127.0.0.1:1']])('refuses the Origin %s', async (origin) => {
    await expect(connectPreview(`${wsBase}?token=${server.token}`, origin)).rejects.toThrow(/refused with 403/);
  });

  it('refuses a missing Origin, and another path', async () => {
    await expect(connectPreview(`${wsBase}?token=${server.token}`, undefined)).rejects.toThrow(/refused with 403/);
    await expect(connectPreview(`ws://127.0.0.1:${server.port}/other?token=${server.token}`, server.origin)).rejects.toThrow(
      /refused with 403/,
    );
  });

  it('closes a socket that sends something other than a request', async () => {
    const socket = new WebSocket(`${wsBase}?token=${server.token}`, { origin: server.origin });
    await new Promise((r) => socket.once('open', r));
    const closed = new Promise<number>((r) => socket.once('close', (code) => r(code)));
    socket.send('not json');
    expect(await closed).toBe(1003);
  });
});
