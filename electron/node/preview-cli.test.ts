// The preview entry as a real process, bundled the way scripts/build.mjs bundles it: the one
// ready line on stdout, a page that loads, and a clean exit on SIGTERM.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../shared-node/test-support/temp-dir';
import { connectPreview } from './test-support/ws-client';
import { writeSigningKey } from './test-support/signing-key';

let temp: ReturnType<typeof makeTempDir>;
let serverJs: string;
let renderer: string;

beforeAll(async () => {
  temp = makeTempDir();
  serverJs = path.join(temp.dir, 'preview', 'server.mjs');
  await build({
    entryPoints: [path.resolve(__dirname, 'preview-cli.ts')],
    outfile: serverJs,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  renderer = path.join(temp.dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>wizard</title>');
});
afterAll(() => temp.remove());

function start(args: string[]): { child: ChildProcessWithoutNullStreams; lines: Promise<string[]>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [serverJs, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const lines = new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no ready line')), 10_000);
    child.stdout.on('data', () => {
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.split('\n').filter(Boolean));
      }
    });
    void exit.then(() => {
      clearTimeout(timer);
      resolve(out.split('\n').filter(Boolean));
    });
  });
  return { child, lines, exit };
}

describe('preview CLI', () => {
  it('prints one ready line, serves the page and the WebSocket, and exits cleanly on SIGTERM', async () => {
    const { keyPath } = writeSigningKey(temp.dir);
    const args = [
      '--socket',
      path.join(temp.dir, 'nope'),
      '--signing-key',
      keyPath,
      '--state-dir',
      path.join(temp.dir, 'state'),
      '--renderer-dir',
      renderer,
      '--simulated-fido2',
    ];
    const { child, lines, exit } = start(args);
    const out = await lines;
    expect(out).toHaveLength(1);
    const ready = JSON.parse(out[0]!) as { event: string; url: string };
    expect(Object.keys(ready)).toEqual(['event', 'url']);
    expect(ready.event).toBe('ready');
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);

    const page = await fetch(ready.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>wizard</title>');

    const url = new URL(ready.url);
    const client = await connectPreview(`ws://${url.host}/ipc${url.search}`, url.origin);
    // --simulated-fido2 without --sandbox is ignored.
    expect(await client.call('app.info', {})).toMatchObject({
      result: { ok: true, value: { runtime: 'preview', simulatedFido2: false, sandbox: false } },
    });
    expect(await client.call('helper.info', {})).toMatchObject({ result: { ok: false, error: { code: 'helper-unreachable' } } });
    client.close();

    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('says simulated keys are offered with --sandbox, and asks the helper for the keys (protocol 1.1)', async () => {
    const { keyPath } = writeSigningKey(temp.dir);
    const { child, lines, exit } = start([
      '--socket',
      path.join(temp.dir, 'no-helper'),
      '--signing-key',
      keyPath,
      '--state-dir',
      path.join(temp.dir, 's2'),
      '--renderer-dir',
      renderer,
      '--sandbox',
      '--simulated-fido2',
    ]);
    const url = new URL((JSON.parse((await lines)[0]!) as { url: string }).url);
    const client = await connectPreview(`ws://${url.host}/ipc${url.search}`, url.origin);
    expect(await client.call('app.info', {})).toMatchObject({ result: { ok: true, value: { simulatedFido2: true, sandbox: true } } });
    // The keys are plugged into the host: with no helper listening there is nobody to ask.
    expect(await client.call('fido2.devices', {})).toMatchObject({ result: { ok: false, error: { code: 'helper-unreachable' } } });
    client.close();
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const { lines, exit } = start(['--socket', 'x', '--bogus']);
    expect(await exit).toBe(2);
    expect(await lines).toEqual([]);
  });
});
