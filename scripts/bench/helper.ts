// The helper's figures, each beside its floor from the same run:
//   - the plan round trip, as the wizard's main process makes it (install-service.ts), against a
//     fresh helper per run, beside the sum of its necessary work measured alone in a fresh
//     process after each run (verify the envelope, open the seal, one fsync'd journal write of
//     the same size, one target probe) plus a bare echo of the same bytes;
//   - its footprint: RSS idle and with many connections open, CPU per hello beside one X25519 key
//     pair and one frame encode;
//   - the file that is shipped: its size, what it imports, the runtime it needs.
import { build } from 'esbuild';
import { createPublicKey, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { openHelperSession, request } from '../../electron/node/helper/helper-client';
import { buildSignedPlan } from '../../electron/node/install/signed-plan';
import type { Signer } from '../../shared-node/crypto/envelope-signer';
import { loadSigner } from '../../electron/node/signing/signer';
import { unixTransport } from '../../electron/node/transport/unix-transport';
import type { Choices } from '../../shared/plan/choices';
import type { Fido2Params } from '../../shared/plan/plan-schema';
import { formatRecoveryKey, RECOVERY_KEY_BYTES } from '../../shared/plan/recovery-key';
import { encodeFrame } from '../../shared/protocol/frame-codec';
import type { Envelope, Hello } from '../../shared/protocol/messages';
import type { SealedSecrets } from '../../shared/protocol/seal';
import { base64url } from '../../shared/util/bytes';
import { MEMORY_FLOOR, paddingFrame, type PartsInput, type PartsOutput } from './floors';
import { cpuTimes, rssBytes, runNode, schedTimes, startNode, withFreshHelper, type HelperSetup } from './processes';
import { ratio, round, summarize, type HelperResult, type RoundTripResult } from './report';

/**
 * The node flags the helper is started with, as its service file starts it
 * (packaging/spectrum/default.nix; ADR 057, ADR 120).
 */
export const HELPER_NODE_FLAGS: readonly string[] = ['--lite-mode', '--max-semi-space-size=1', '--v8-pool-size=0'];

// ---------------------------------------------------------------- one plan, as the wizard sends it

/** What a person who picks Common with three apps and a passphrase sends. */
export const BENCH_CHOICES: Choices = {
  locale: 'en',
  keyboard: { layout: 'us', variant: '' },
  accessibility: { highContrast: false, largeText: false, reduceMotion: false, screenReader: false },
  profile: 'common',
  apps: ['browser', 'editor', 'terminal'],
  encryption: { method: 'passphrase', recoveryKey: true },
};

export const BENCH_PASSPHRASE = 'correct horse battery staple';

export interface Exchange {
  /** connect → hello read and validated. */
  readonly connectHelloMs: number;
  /** build + seal + sign. */
  readonly buildMs: number;
  /** plan written → accepted read and validated. */
  readonly exchangeMs: number;
  /** Frame sizes, header included. */
  readonly bytes: { readonly hello: number; readonly plan: number; readonly accepted: number };
  readonly envelope: Envelope;
  readonly hello: Hello;
  /** The helper's threads during plan written → accepted read: on a CPU, and ready but waiting for one. */
  readonly helper: { readonly cpuMs: number; readonly waitMs: number };
}

export interface PlanInput {
  readonly choices: Choices;
  readonly secrets: SealedSecrets;
  readonly fido2: Fido2Params | null;
}

export const passphrasePlan = (choices: Choices = BENCH_CHOICES): PlanInput => ({
  choices,
  secrets: { passphrase: BENCH_PASSPHRASE, recoveryKey: formatRecoveryKey(randomBytes(RECOVERY_KEY_BYTES)) },
  fido2: null,
});

/** Opens a session and closes it, as the wizard's helper.info does at start-up. */
export async function helloOnly(socketPath: string): Promise<Hello> {
  const session = await openHelperSession(unixTransport(socketPath));
  session.connection.close();
  return session.hello;
}

/**
 * Connects, reads hello, builds, seals, signs and sends the plan, reads `accepted`; then hands
 * the open session to `after` (the install waits there for its result) and closes it.
 */
export async function planExchange<T = void>(
  socketPath: string,
  signer: Signer,
  helperPid: number,
  input: PlanInput,
  after?: (session: Awaited<ReturnType<typeof openHelperSession>>, sentAt: number) => Promise<T>,
): Promise<Exchange & { after: T | undefined }> {
  const installId = base64url.encode(randomBytes(16));
  const t0 = performance.now();
  const session = await openHelperSession(unixTransport(socketPath));
  const t1 = performance.now();
  try {
    const plan = await buildSignedPlan({ ...input, installId, hello: session.hello, createdAt: new Date() }, signer);
    const t1b = performance.now();
    const message = { type: 'plan', envelope: plan.envelope } as const;
    const before = schedTimes(helperPid);
    const t2 = performance.now();
    const answer = await request(session, message);
    const t3 = performance.now();
    const after2 = schedTimes(helperPid);
    if (answer.type !== 'accepted' || answer.planId !== plan.planId)
      throw new Error(`the helper answered ${answer.type}, not accepted for this plan`);
    const rest = after ? await after(session, t2) : undefined;
    return {
      connectHelloMs: t1 - t0,
      buildMs: t1b - t1,
      exchangeMs: t3 - t2,
      bytes: { hello: encodeFrame(session.hello).length, plan: encodeFrame(message).length, accepted: encodeFrame(answer).length },
      envelope: plan.envelope,
      hello: session.hello,
      helper: { cpuMs: after2.runMs - before.runMs, waitMs: after2.waitMs - before.waitMs },
      after: rest,
    };
  } finally {
    session.connection.close();
  }
}

// ---------------------------------------------------------------- the round trip

interface EchoExchange {
  readonly connectHelloMs: number;
  readonly exchangeMs: number;
}

function echoExchange(socketPath: string, sizes: { hello: number; plan: Buffer; accepted: number }): Promise<EchoExchange> {
  return new Promise<EchoExchange>((resolve, reject) => {
    const t0 = performance.now();
    let t1 = 0;
    let t2 = 0;
    let got = 0;
    const socket = net.createConnection({ path: socketPath });
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      got += chunk.length;
      if (t1 === 0 && got >= sizes.hello) {
        t1 = performance.now();
        got -= sizes.hello;
        t2 = performance.now();
        socket.write(sizes.plan);
      }
      if (t1 !== 0 && got >= sizes.accepted) {
        const t3 = performance.now();
        socket.destroy();
        resolve({ connectHelloMs: t1 - t0, exchangeMs: t3 - t2 });
      }
    });
  });
}

interface Run {
  readonly exchange: Exchange;
  readonly journalBytes: number;
  readonly imageBytes: number;
  readonly publicKeyPem: string;
}

async function oneRun(setup: HelperSetup, i: number): Promise<Run> {
  return withFreshHelper(setup, `rt-${i}`, async (helper, sandbox) => {
    const socket = helper.ready.socket!;
    const signingKey = helper.ready.signingKey!;
    const signer = loadSigner(signingKey);
    await helloOnly(socket);
    const exchange = await planExchange(socket, signer, helper.pid, passphrasePlan());
    return {
      exchange,
      journalBytes: statSync(path.join(sandbox, 'state/journal.json')).size,
      imageBytes: statSync(path.join(sandbox, 'userdata.img')).size,
      publicKeyPem: createPublicKey(readFileSync(signingKey)).export({ format: 'pem', type: 'spki' }).toString(),
    };
  });
}

async function floorParts(setup: HelperSetup, run: Run, i: number): Promise<PartsOutput> {
  const dir = path.join(setup.workDir, `floor-${i}`);
  mkdirSync(dir, { recursive: true });
  try {
    const input: PartsInput = {
      envelope: run.exchange.envelope,
      publicKeyPem: run.publicKeyPem,
      secrets: JSON.stringify(passphrasePlan().secrets),
      journalBytes: run.journalBytes,
      imageBytes: run.imageBytes,
      dir,
    };
    return JSON.parse(await runNode(setup.floorsScript, ['parts'], JSON.stringify(input), 'floors parts')) as PartsOutput;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureRoundTrip(setup: HelperSetup, runs: number): Promise<RoundTripResult> {
  mkdirSync(setup.workDir, { recursive: true });
  // One run, not counted, learns the frame sizes for the echo server.
  const calibration = await oneRun(setup, 0);
  const { bytes } = calibration.exchange;
  const echoSocket = path.join(setup.workDir, 'echo.sock');
  const echo = await startNode(setup.floorsScript, ['echo', echoSocket, String(bytes.hello), String(bytes.accepted)], 'echo server');
  const sizes = { hello: bytes.hello, plan: paddingFrame(bytes.plan), accepted: bytes.accepted };
  const measured: Run[] = [];
  const echoes: EchoExchange[] = [];
  const parts: PartsOutput[] = [];
  try {
    await echoExchange(echoSocket, sizes); // the echo server's first connection, not counted
    for (let i = 1; i <= runs; i++) {
      const run = await oneRun(setup, i);
      measured.push(run);
      parts.push(await floorParts(setup, run, i));
      echoes.push(await echoExchange(echoSocket, sizes));
    }
  } finally {
    await echo.stop();
  }
  const exchanges = measured.map((r) => r.exchange);
  const roundTrip = summarize(
    exchanges.map((e) => e.buildMs + e.exchangeMs),
    3,
  );
  const floors = parts.map((p, i) => p.verifyMs + p.openMs + p.journalMs + p.probeMs + echoes[i]!.exchangeMs);
  const floor = summarize(floors, 3);
  return {
    runs,
    bytes: { ...bytes, journal: calibration.journalBytes },
    roundTrip,
    connectHello: summarize(
      exchanges.map((e) => e.connectHelloMs),
      3,
    ),
    build: summarize(
      exchanges.map((e) => e.buildMs),
      3,
    ),
    exchange: summarize(
      exchanges.map((e) => e.exchangeMs),
      3,
    ),
    floorParts: {
      verify: summarize(
        parts.map((p) => p.verifyMs),
        3,
      ),
      open: summarize(
        parts.map((p) => p.openMs),
        3,
      ),
      journal: summarize(
        parts.map((p) => p.journalMs),
        3,
      ),
      probe: summarize(
        parts.map((p) => p.probeMs),
        3,
      ),
      echo: summarize(
        echoes.map((e) => e.exchangeMs),
        3,
      ),
    },
    floor,
    floorConnectHello: summarize(
      echoes.map((f) => f.connectHelloMs),
      3,
    ),
    helperCpu: summarize(
      exchanges.map((e) => e.helper.cpuMs),
      3,
    ),
    helperWait: summarize(
      exchanges.map((e) => e.helper.waitMs),
      3,
    ),
    ratioP99: ratio(roundTrip.p99, floor.p99),
  };
}

// ---------------------------------------------------------------- footprint and the shipped file

const SETTLE_MS = 1000;

/** Median of a few RSS readings a moment apart. */
async function settledRss(pid: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    readings.push(rssBytes(pid));
    await sleep(100);
  }
  return readings.sort((a, b) => a - b)[2]!;
}

/** Modules a bundled file imports or requires that are not Node's own: each would need node_modules. */
export async function foreignImports(file: string): Promise<string[]> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const builtins = new Set(builtinModules);
  const found = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imp of input.imports) {
      const name = imp.original ?? imp.path;
      if (!imp.external || name.startsWith('node:') || builtins.has(name)) continue;
      found.add(name);
    }
  }
  return [...found].sort();
}

async function bundleFacts(helperScript: string): Promise<HelperResult['bundle']> {
  const code = readFileSync(helperScript);
  return {
    file: path.basename(helperScript),
    raw: code.length,
    gzip: gzipSync(code).length,
    imports: await foreignImports(helperScript),
    runtime: `Node ${process.version}`,
    runtimeBytes: statSync(process.execPath).size,
  };
}

async function helloFloor(setup: HelperSetup, hello: Hello, n: number): Promise<number> {
  const out = JSON.parse(await runNode(setup.floorsScript, ['hello', String(n)], JSON.stringify(hello), 'floors hello')) as {
    cpuMs: number;
  };
  return out.cpuMs;
}

/** RSS idle, then with `connections` open (each has read its first frame), of a process that serves `socket`. */
async function footprint(
  pid: number,
  socket: string,
  connections: number,
  read: (socket: string) => Promise<{ close(): void }>,
): Promise<{ idle: number; open: number }> {
  await sleep(SETTLE_MS);
  const idle = await settledRss(pid);
  const open: { close(): void }[] = [];
  try {
    for (let i = 0; i < connections; i++) open.push(await read(socket));
    await sleep(SETTLE_MS / 2);
    return { idle, open: await settledRss(pid) };
  } finally {
    for (const s of open) s.close();
  }
}

/** Connects and waits for the first bytes: the floor server's stand-in for reading a hello. */
function firstBytes(socket: string): Promise<{ close(): void }> {
  return new Promise((resolve, reject) => {
    const s = net.createConnection({ path: socket });
    s.once('error', reject);
    s.once('data', () => resolve({ close: () => s.destroy() }));
  });
}

export async function measureHelper(setup: HelperSetup, counts: { hellos: number; openConnections: number }): Promise<HelperResult> {
  const measured = await withFreshHelper(setup, 'footprint', async (helper) => {
    const socket = helper.ready.socket!;
    const rss = await footprint(helper.pid, socket, counts.openConnections, async (path) => {
      const session = await openHelperSession(unixTransport(path));
      return { close: () => session.connection.close() };
    });
    await sleep(SETTLE_MS / 2);

    const before = cpuTimes(helper.pid);
    const started = performance.now();
    let hello: Hello | null = null;
    for (let i = 0; i < counts.hellos; i++) hello = await helloOnly(socket);
    const wallMs = performance.now() - started;
    await sleep(200); // let the last closes be handled
    const after = cpuTimes(helper.pid);
    const cpu = {
      helper: round((after.selfMs - before.selfMs) / counts.hellos, 3),
      children: round((after.childrenMs - before.childrenMs) / counts.hellos, 3),
    };
    return { rss, cpu, wallMs, hello: hello! };
  });
  // The floors, after the helper is gone: the same readings of a bare Node server, and the CPU of a key pair and a frame.
  const floorSocket = path.join(setup.workDir, 'idle-floor.sock');
  const floorServer = await startNode(floorSocket, [String(encodeFrame(measured.hello).length)], 'memory floor', [
    ...setup.nodeFlags,
    '-e',
    MEMORY_FLOOR,
  ]);
  let floorRss: { idle: number; open: number };
  try {
    floorRss = await footprint(floorServer.pid, floorSocket, counts.openConnections, firstBytes);
  } finally {
    await floorServer.stop();
  }
  const floorPerHelloMs = round(await helloFloor(setup, measured.hello, Math.max(counts.hellos, 100)), 4);
  const { cpu } = measured;
  return {
    bundle: await bundleFacts(setup.helperScript),
    nodeFlags: [...setup.nodeFlags],
    idleRssBytes: measured.rss.idle,
    openConnections: counts.openConnections,
    openRssBytes: measured.rss.open,
    floorIdleRssBytes: floorRss.idle,
    floorOpenRssBytes: floorRss.open,
    hellos: counts.hellos,
    cpuPerHelloMs: cpu,
    wallPerHelloMs: round(measured.wallMs / counts.hellos, 3),
    floorPerHelloMs,
    ratioCpu: ratio(cpu.helper + cpu.children, floorPerHelloMs),
  };
}
