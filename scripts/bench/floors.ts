// The benchmark's child program (dist/bench/floors.mjs): the floors that must run in a process
// of their own.
//   echo SOCKET HELLO_BYTES REPLY_BYTES  a bare Node Unix-socket server: on connect a frame of
//                                        HELLO_BYTES, for each complete frame read one of REPLY_BYTES
//   parts   (JSON PartsInput on stdin)   the plan round trip's necessary work, each part once, in
//                                        this fresh process as the helper does it: cold
//   hello N (JSON hello on stdin)        CPU per X25519 key pair plus one frame encode, warm
// Each prints one JSON line on stdout. (The memory floor is smaller than this program: MEMORY_FLOOR.)
import { generateKeyPairSync, createPublicKey, verify } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pae } from '../../shared/protocol/dsse';
import { encodeFrame, type FrameObject } from '../../shared/protocol/frame-codec';
import type { Envelope } from '../../shared/protocol/messages';
import { SEAL_INFO_PREFIX, sealSuite } from '../../shared/protocol/seal';

export interface PartsInput {
  readonly envelope: Envelope;
  /** The signer's public key, PEM. */
  readonly publicKeyPem: string;
  /** Plaintext of the same size as the plan's sealed secrets. */
  readonly secrets: string;
  readonly journalBytes: number;
  readonly imageBytes: number;
  /** A folder of its own for the journal file and the probed image. */
  readonly dir: string;
}

export interface PartsOutput {
  readonly verifyMs: number;
  readonly openMs: number;
  readonly journalMs: number;
  readonly probeMs: number;
}

/**
 * The memory floor, run as `node -e MEMORY_FLOOR SOCKET HELLO_BYTES`: Node with its crypto in use
 * (an Ed25519 key, as the helper loads its signing key) listening on a Unix socket, a frame of
 * HELLO_BYTES to each connection. Nothing else is loaded, so nothing else is counted.
 */
export const MEMORY_FLOOR = `
const net = require('node:net');
require('node:crypto').generateKeyPairSync('ed25519');
const [socketPath, size] = [process.argv[1], Number(process.argv[2])];
const hello = Buffer.alloc(size, 0x20);
hello.writeUInt32BE(size - 4, 0);
net.createServer((s) => { s.on('error', () => s.destroy()); s.write(hello); })
  .listen(socketPath, () => process.stdout.write(JSON.stringify({ event: 'ready', socket: socketPath }) + '\\n'));
`;

/** A frame of `size` bytes in all: the length header and a body of spaces. */
export function paddingFrame(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.writeUInt32BE(size - 4, 0);
  return bytes;
}

function echo(socketPath: string, helloBytes: number, replyBytes: number): void {
  const hello = paddingFrame(helloBytes);
  const reply = paddingFrame(replyBytes);
  const server = net.createServer((socket) => {
    let pending: Buffer = Buffer.alloc(0);
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
        pending = pending.subarray(4 + pending.readUInt32BE(0));
        socket.write(reply);
      }
    });
    socket.write(hello);
  });
  server.listen(socketPath, () => process.stdout.write(JSON.stringify({ event: 'ready', socket: socketPath }) + '\n'));
}

async function timed<T>(work: () => T | Promise<T>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

async function parts(input: PartsInput): Promise<PartsOutput> {
  // Untimed set-up: what the helper has before the plan comes (keys, a sealed message, a disk).
  const publicKey = createPublicKey(input.publicKeyPem);
  const suite = sealSuite();
  const recipient = await suite.kem.generateKeyPair();
  const info = new TextEncoder().encode(SEAL_INFO_PREFIX + 'session');
  const aad = new TextEncoder().encode('nonce');
  const sender = await suite.createSenderContext({ recipientPublicKey: recipient.publicKey, info: info.buffer as ArrayBuffer });
  const ct = await sender.seal(new TextEncoder().encode(input.secrets).buffer as ArrayBuffer, aad.buffer as ArrayBuffer);
  const image = path.join(input.dir, 'target.img');
  const fd = openSync(image, 'w');
  ftruncateSync(fd, input.imageBytes);
  closeSync(fd);
  const journal = Buffer.alloc(input.journalBytes, 0x20);

  const verifyMs = await timed(() => {
    const e = input.envelope;
    const payload = Buffer.from(e.payload, 'base64');
    if (!verify(null, pae(e.payloadType, payload), publicKey, Buffer.from(e.signatures[0]!.sig, 'base64')))
      throw new Error('the envelope does not verify');
  });
  const openMs = await timed(() =>
    suite.open({ recipientKey: recipient, enc: sender.enc, info: info.buffer as ArrayBuffer }, ct, aad.buffer as ArrayBuffer),
  );
  const journalMs = await timed(() => {
    const out = openSync(path.join(input.dir, 'journal.json'), 'w', 0o600);
    writeSync(out, journal);
    fsyncSync(out);
    closeSync(out);
  });
  const probeMs = await timed(() => {
    const r = spawnSync('blkid', ['-p', '-o', 'export', image]);
    if (r.error) throw r.error;
  });
  return { verifyMs, openMs, journalMs, probeMs };
}

function helloCpu(n: number, hello: FrameObject): number {
  const once = () => {
    generateKeyPairSync('x25519');
    encodeFrame(hello);
  };
  for (let i = 0; i < Math.min(50, n); i++) once(); // warm, as a helper that has served hellos is
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) once();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / n;
}

async function mainOf(argv: readonly string[]): Promise<void> {
  const [mode, ...rest] = argv;
  if (mode === 'echo') {
    const [socketPath, hello, reply] = [rest[0], Number(rest[1]), Number(rest[2])];
    if (!socketPath || !(hello >= 4) || !(reply >= 4)) throw new Error('usage: echo SOCKET HELLO_BYTES REPLY_BYTES');
    echo(socketPath, hello, reply);
    return;
  }
  const input = readFileSync(0, 'utf8');
  if (mode === 'parts') {
    process.stdout.write(JSON.stringify(await parts(JSON.parse(input) as PartsInput)) + '\n');
    return;
  }
  if (mode === 'hello') {
    process.stdout.write(JSON.stringify({ cpuMs: helloCpu(Number(rest[0]), JSON.parse(input) as FrameObject) }) + '\n');
    return;
  }
  throw new Error(`unknown mode ${mode ?? ''}`);
}

// Run as a program, not when the benchmark imports paddingFrame.
if (/floors\.m?[jt]s$/.test(process.argv[1] ?? '')) {
  mainOf(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`floors: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
}
