// The vsock transport against a fake socat placed first in PATH, bridging to a Unix socket
// where hybrid vsock would deliver the connection: data both ways, each failure its own error,
// and a session with the real helper through the bridge.
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHelperSession } from '../helper/helper-client';
import { installFakeSocat } from '../test-support/fake-socat';
import { startSandbox } from '../../../host/test-support/sandbox-helper';
import { makeTempDir } from '../../../shared-node/test-support/temp-dir';
import { TransportError } from './transport';
import { classifySocatFailure, vsockTransport } from './vsock-transport';

let temp: ReturnType<typeof makeTempDir>;
let bin: string;
let server: net.Server | null;

beforeEach(() => {
  temp = makeTempDir();
  bin = installFakeSocat(temp.dir);
  server = null;
});
afterEach(async () => {
  if (server) await new Promise((r) => server!.close(r));
  temp.remove();
});

const base = () => path.join(temp.dir, 'vsock');
const env = (extra: NodeJS.ProcessEnv = {}) => ({
  ...process.env,
  PATH: `${bin}:${process.env.PATH ?? ''}`,
  FAKE_VSOCK_BASE: base(),
  ...extra,
});

async function failure(promise: Promise<Duplex>): Promise<TransportError> {
  try {
    const stream = await promise;
    stream.destroy();
  } catch (e) {
    if (e instanceof TransportError) return e;
    throw e;
  }
  throw new Error('connected unexpectedly');
}

const readSome = (stream: Duplex) => new Promise<string>((resolve) => stream.once('data', (d: Buffer) => resolve(d.toString())));

describe('vsock transport (socat)', () => {
  it('connects through socat and carries data both ways; closing the stream ends the bridge', async () => {
    let hostSideClosed: Promise<unknown> = Promise.resolve();
    server = net.createServer((socket) => {
      hostSideClosed = new Promise((r) => socket.once('close', r));
      socket.write('hello from the host\n');
      socket.on('data', (d) => socket.write(`echo:${d.toString()}`));
    });
    await new Promise<void>((r) => server!.listen(`${base()}_5219`, r));
    const stream = await vsockTransport({ env: env() }).connect();
    expect(await readSome(stream)).toBe('hello from the host\n');
    stream.write('ping');
    expect(await readSome(stream)).toBe('echo:ping');
    stream.destroy();
    await hostSideClosed; // socat was stopped, so the host sees the connection end
  });

  it('ends the stream when the host closes the connection', async () => {
    server = net.createServer((socket) => socket.end('bye'));
    await new Promise<void>((r) => server!.listen(`${base()}_5219`, r));
    const stream = await vsockTransport({ env: env() }).connect();
    const chunks: string[] = [];
    stream.on('data', (d: Buffer) => chunks.push(d.toString()));
    await new Promise((r) => stream.once('end', r));
    expect(chunks.join('')).toBe('bye');
    stream.destroy();
  });

  it('says bridge-missing when socat is not installed', async () => {
    const e = await failure(vsockTransport({ env: { ...process.env, PATH: path.join(temp.dir, 'empty') } }).connect());
    expect(e.reason).toBe('bridge-missing');
    expect(e.message).toMatch(/socat is not installed/);
  });

  it('says refused when nothing accepts the connection', async () => {
    writeFileSync(`${base()}_5219`, ''); // a path that exists but accepts nothing
    const e = await failure(vsockTransport({ env: env() }).connect());
    expect(e.reason).toBe('refused');
  });

  it('says reset when the host resets the connection (no listener behind hybrid vsock)', async () => {
    const e = await failure(vsockTransport({ env: env() }).connect());
    expect(e.reason).toBe('reset');
  });

  it('says bridge-exited, with the status, when socat exits before connecting', async () => {
    const e = await failure(vsockTransport({ env: env({ FAKE_SOCAT_EXIT: '3' }) }).connect());
    expect(e.reason).toBe('bridge-exited');
    expect(e.message).toContain('exit code 3');
  });

  it('says timeout when no connection is made in time', async () => {
    const e = await failure(vsockTransport({ env: env({ FAKE_SOCAT_HANG: '1' }), timeoutMs: 300 }).connect());
    expect(e.reason).toBe('timeout');
  });
});

describe('classifySocatFailure', () => {
  it.each([
    ['2026/01/01 socat[1] E connect(5, AF=40 cid:2 port:5219, 16): Connection refused', 'refused'],
    ['2026/01/01 socat[1] E connect(5, AF=40 cid:2 port:5219, 16): Connection reset by peer', 'reset'],
    ['2026/01/01 socat[1] E socket(40, 1, 0): Address family not supported by protocol', 'no-vsock'],
    ['2026/01/01 socat[1] E connect(5, AF=40 cid:2 port:5219, 16): No such device', 'no-vsock'],
    ['2026/01/01 socat[1] N exit(1)', null],
  ])('%s → %s', (line, reason) => {
    expect(classifySocatFailure(line)).toBe(reason);
  });
});

describe('a helper session over vsock', () => {
  it("reads the real helper's hello through the bridge", async () => {
    const sandbox = await startSandbox(); // listens on <sandbox>/vsock_5219, where hybrid vsock delivers
    try {
      const session = await openHelperSession(vsockTransport({ env: env({ FAKE_VSOCK_BASE: path.join(sandbox.dir, 'vsock') }) }));
      expect(session.hello).toMatchObject({ type: 'hello', protocol: 1, state: { phase: 'fresh' } });
      session.connection.close();
    } finally {
      await sandbox.dispose();
    }
  });
});
