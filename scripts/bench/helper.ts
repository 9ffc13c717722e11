// The helper's figures, each beside its floor from the same run:
//   - the plan round trip, as the wizard's main process makes it (install-service.ts), against a
//     fresh helper per run, beside the sum of its necessary work measured alone in a fresh
//     process after each run (verify the envelope, open the seal, one fsync'd journal write of
//     the same size, one target probe) plus a bare echo of the same bytes;
//   - its footprint: RSS idle and with many connections open, CPU per hello beside one X25519 key
//     pair and one frame encode;
//   - the file that is shipped: its size, what it imports, the runtime it needs;
//   - Install → Done for each profile and unlock method, beside its unavoidable work.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createPublicKey, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
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
import { ProcessExecutor } from '../../host/exec/executor';
import { ARGON2ID_KDF, Cryptsetup, HIGH_ENTROPY_KDF, type KdfArgs } from '../../host/luks/cryptsetup';
import { softwareEnrollment } from '../../host/test-support/software-fido2';
import type { Choices } from '../../shared/plan/choices';
import type { Fido2Params } from '../../shared/plan/plan-schema';
import type { Profile } from '../../shared/plan/profiles';
import { formatRecoveryKey, RECOVERY_KEY_BYTES } from '../../shared/plan/recovery-key';
import { encodeFrame } from '../../shared/protocol/frame-codec';
import type { Envelope, Hello, HelperMessage } from '../../shared/protocol/messages';
import type { SealedSecrets } from '../../shared/protocol/seal';
import { base64url } from '../../shared/util/bytes';
import { MEMORY_FLOOR, paddingFrame, type PartsInput, type PartsOutput } from './floors';
import { cpuTimes, rssBytes, runNode, schedTimes, startNode, withFreshHelper, type HelperSetup } from './processes';
import { ratio, round, summarize, type HelperResult, type InstallResult, type RoundTripResult } from './report';

/**
 * The node flags the helper is started with, as its service file starts it
 * (packaging/spectrum/default.nix; ADR 057, ADR 120).
 */
export const HELPER_NODE_FLAGS: readonly string[] = ['--lite-mode', '--max-semi-space-size=1', '--v8-pool-size=0'];

// ---------------------------------------------------------------- one plan, as the wizard sends it

type Method = 'passphrase' | 'fido2';

/** The apps each profile's preset brings (renderer/state/presets.ts with the built-in catalog). */
const PROFILE_APPS: Readonly<Record<Profile, readonly string[]>> = {
  minimal: [],
  common: ['browser', 'editor', 'terminal'],
  power: ['browser', 'editor', 'terminal', 'nixos'],
};

/** What a person who picks `profile` with its preset's apps and `method` with a recovery key sends. */
function benchChoices(profile: Profile, method: Method): Choices {
  return {
    locale: 'en',
    keyboard: { layout: 'us', variant: '' },
    accessibility: { highContrast: false, largeText: false, reduceMotion: false, screenReader: false },
    profile,
    apps: [...PROFILE_APPS[profile]],
    encryption: { method, recoveryKey: true },
  };
}

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

export const passphrasePlan = (): PlanInput => ({
  choices: benchChoices('common', 'passphrase'),
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
  // Round trips are sub-millisecond in parts: three digits.
  const summary = <T>(of: readonly T[], value: (x: T, i: number) => number) => summarize(of.map(value), 3);
  const roundTrip = summary(exchanges, (e) => e.buildMs + e.exchangeMs);
  const floor = summary(parts, (p, i) => p.verifyMs + p.openMs + p.journalMs + p.probeMs + echoes[i]!.exchangeMs);
  return {
    runs,
    bytes: { ...bytes, journal: calibration.journalBytes },
    roundTrip,
    connectHello: summary(exchanges, (e) => e.connectHelloMs),
    build: summary(exchanges, (e) => e.buildMs),
    exchange: summary(exchanges, (e) => e.exchangeMs),
    floorParts: {
      verify: summary(parts, (p) => p.verifyMs),
      open: summary(parts, (p) => p.openMs),
      journal: summary(parts, (p) => p.journalMs),
      probe: summary(parts, (p) => p.probeMs),
      echo: summary(echoes, (e) => e.exchangeMs),
    },
    floor,
    floorConnectHello: summary(echoes, (f) => f.connectHelloMs),
    helperCpu: summary(exchanges, (e) => e.helper.cpuMs),
    helperWait: summary(exchanges, (e) => e.helper.waitMs),
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

// ---------------------------------------------------------------- install → Done

// Install → Done: the time a person waits longest. For each profile and unlock method, a fresh
// sandbox helper with the real key derivation takes the plan the wizard sends; the time runs from
// the plan written to the `result` read. The steps come from the helper's own progress frames, so
// a step added or made real later (mkfs.btrfs in the sandbox) is measured as it comes.
//
// Its floor, measured right after on a fresh image of the same size, is the work no install can
// skip, taken from what the install left: luksFormat and one luksAddKey per further keyslot with
// the KDF each keyslot has (the helper's own KDF settings and cryptsetup calls), mkfs.btrfs when
// the helper's mkfs step ran, and the VM definitions' bytes written and fsync'd file by file.
export const INSTALL_CASES: readonly { profile: Profile; method: Method }[] = (['minimal', 'common', 'power'] as const).flatMap((profile) =>
  (['passphrase', 'fido2'] as const).map((method) => ({ profile, method })),
);

/** The real install of a slow machine stays well within this. */
const INSTALL_TIMEOUT_MS = 600_000;

function planFor(profile: Profile, method: Method): PlanInput & { primaryKey: string } {
  const choices = benchChoices(profile, method);
  const recoveryKey = formatRecoveryKey(randomBytes(RECOVERY_KEY_BYTES));
  if (method === 'passphrase')
    return { choices, secrets: { passphrase: BENCH_PASSPHRASE, recoveryKey }, fido2: null, primaryKey: BENCH_PASSPHRASE };
  const enrollment = softwareEnrollment();
  return { choices, secrets: { fido2Secret: enrollment.secret, recoveryKey }, fido2: enrollment.params, primaryKey: enrollment.secret };
}

interface Timeline {
  readonly sentAt: number;
  readonly resultAt: number;
  /** Each step's last state and when it was reported. */
  readonly steps: { step: string; state: string; at: number }[];
}

/** Reads progress frames until the result; keeps each step's last state and its time. */
async function follow(next: (timeoutMs: number) => Promise<HelperMessage>, sentAt: number): Promise<Timeline> {
  const steps: Timeline['steps'] = [];
  for (;;) {
    const frame = await next(INSTALL_TIMEOUT_MS);
    const at = performance.now();
    if (frame.type === 'progress') {
      const known = steps.find((s) => s.step === frame.step);
      if (known) Object.assign(known, { state: frame.state, at });
      else steps.push({ step: frame.step, state: frame.state, at });
    } else if (frame.type === 'result') {
      if (!frame.ok) throw new Error(`the install failed at ${frame.step}: ${frame.code} ${frame.message}`);
      return { sentAt, resultAt: at, steps };
    } else {
      throw new Error(`unexpected ${frame.type} during the install`);
    }
  }
}

interface Floor {
  readonly format: number;
  readonly addKeys: number;
  readonly mkfs: number | null;
  readonly vmFiles: number;
  readonly vmBytes: number;
  readonly vmWrite: number;
}

const kdfOf = (type: unknown): KdfArgs => (type === 'argon2id' ? ARGON2ID_KDF : HIGH_ENTROPY_KDF);

function sparseFile(file: string, bytes: number): void {
  const fd = openSync(file, 'w', 0o600);
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** The unavoidable work of what the install left in `sandbox`, done again alone in `dir`. */
async function measureFloor(sandbox: string, dir: string, primaryKey: string, mkfsRan: boolean): Promise<Floor> {
  const installed = path.join(sandbox, 'userdata.img');
  const dump = spawnSync('cryptsetup', ['luksDump', '--dump-json-metadata', installed], { encoding: 'utf8' });
  if (dump.status !== 0) throw new Error(`cryptsetup luksDump failed: ${dump.stderr}`);
  const keyslots = (JSON.parse(dump.stdout) as { keyslots: Record<string, { kdf: { type: string } }> }).keyslots;
  const image = path.join(dir, 'userdata.img');
  sparseFile(image, statSync(installed).size);
  const cs = new Cryptsetup(new ProcessExecutor(), image);
  const primary = Buffer.from(primaryKey, 'utf8');
  let t = performance.now();
  await cs.format(primary, kdfOf(keyslots['0']?.kdf.type), 'bench', 'bench');
  const format = performance.now() - t;
  t = performance.now();
  for (const slot of Object.keys(keyslots).filter((s) => s !== '0')) {
    const newKey = Buffer.from(formatRecoveryKey(randomBytes(RECOVERY_KEY_BYTES)), 'utf8');
    await cs.addKey(primary, newKey, Number(slot), kdfOf(keyslots[slot]!.kdf.type));
  }
  const addKeys = performance.now() - t;

  let mkfs: number | null = null;
  if (mkfsRan) {
    const fsImage = path.join(dir, 'btrfs.img');
    sparseFile(fsImage, statSync(installed).size);
    t = performance.now();
    const r = spawnSync('mkfs.btrfs', ['--label', 'userdata', fsImage]);
    mkfs = performance.now() - t;
    if (r.status !== 0) throw new Error(`mkfs.btrfs failed: ${r.stderr.toString()}`);
  }

  // What the install wrote for the VMs: every file under a vms/ folder of the sandbox's root.
  const written = filesUnder(path.join(sandbox, 'root')).filter((f) => f.split(path.sep).includes('vms'));
  const vmBytes = written.reduce((a, f) => a + statSync(f).size, 0);
  t = performance.now();
  for (const [i, f] of written.entries()) {
    const bytes = readFileSync(f);
    const out = path.join(dir, 'vms', String(i));
    mkdirSync(path.dirname(out), { recursive: true });
    const fd = openSync(out, 'w');
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
  }
  const vmWrite = performance.now() - t;
  return { format, addKeys, mkfs, vmFiles: written.length, vmBytes, vmWrite };
}

/** The helper's log: each command it ran with its time, summed by program and first argument. */
function commandsRun(sandbox: string): InstallResult['runs'][number]['commands'] {
  const sums = new Map<string, { count: number; ms: number }>();
  for (const line of readFileSync(path.join(sandbox, 'helper.log'), 'utf8').split('\n')) {
    let entry: { event?: unknown; command?: unknown; ms?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (entry.event !== 'command' || typeof entry.command !== 'string' || typeof entry.ms !== 'number') continue;
    const name = entry.command.split(' ').slice(0, 2).join(' ');
    const sum = sums.get(name) ?? { count: 0, ms: 0 };
    sums.set(name, { count: sum.count + 1, ms: sum.ms + entry.ms });
  }
  return [...sums].map(([command, s]) => ({ command, count: s.count, ms: s.ms })).sort((a, b) => b.ms - a.ms);
}

export async function measureInstall(setup: HelperSetup, cases: readonly { profile: Profile; method: Method }[]): Promise<InstallResult> {
  const runs: InstallResult['runs'] = [];
  for (const { profile, method } of cases) {
    const name = `install-${profile}-${method}`;
    runs.push(
      await withFreshHelper(
        setup,
        name,
        async (helper, sandbox) => {
          const socket = helper.ready.socket!;
          const signer = loadSigner(helper.ready.signingKey!);
          await helloOnly(socket);
          const plan = planFor(profile, method);
          const ex = await planExchange(socket, signer, helper.pid, plan, (session, sentAt) =>
            follow((ms) => session.connection.next(ms), sentAt),
          );
          const timeline = ex.after!;
          const dir = path.join(setup.workDir, `${name}-floor`);
          mkdirSync(dir, { recursive: true });
          let floor: Floor;
          try {
            const mkfsRan = timeline.steps.some((s) => s.step === 'userdata-mkfs' && s.state === 'done');
            floor = await measureFloor(sandbox, dir, plan.primaryKey, mkfsRan);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
          const floorOf: Record<string, [number, string]> = {
            'userdata-format': [floor.format, 'luksFormat'],
            'userdata-enroll': [floor.addKeys, 'luksAddKey'],
            'userdata-mkfs': [floor.mkfs ?? 0, floor.mkfs === null ? '' : 'mkfs.btrfs'],
            'vm-definitions': [floor.vmWrite, `${floor.vmFiles} files, ${floor.vmBytes} B fsync'd`],
          };
          // Each step's share: from the previous step's last report (or the plan sent) to its own.
          let previous = timeline.sentAt;
          const steps = [...timeline.steps]
            .sort((a, b) => a.at - b.at)
            .map((s) => {
              const [floorMs, floorWork] = floorOf[s.step] ?? [0, ''];
              const row = { step: s.step, state: s.state, ms: round(s.at - previous), floorMs: round(floorMs), floorWork };
              previous = s.at;
              return row;
            });
          steps.push({ step: 'result', state: 'received', ms: round(timeline.resultAt - previous), floorMs: 0, floorWork: '' });
          const totalMs = timeline.resultAt - timeline.sentAt;
          const floorMs = floor.format + floor.addKeys + (floor.mkfs ?? 0) + floor.vmWrite;
          return {
            profile,
            method,
            totalMs: round(totalMs),
            floorMs: round(floorMs),
            ratio: ratio(totalMs, floorMs),
            steps,
            commands: commandsRun(sandbox),
          };
        },
        false,
      ),
    );
  }
  // The helper's own settings: a passphrase gets cryptsetup's argon2id with its benchmarked cost.
  return { kdf: `passphrase ${ARGON2ID_KDF.slice(1).join(' ')}, keys ${HIGH_ENTROPY_KDF.slice(1).join(' ')}`, runs };
}
