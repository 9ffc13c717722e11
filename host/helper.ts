// startHelper(): the provisioning helper as one object, for the command line and for tests that
// run it in-process. It listens on the hybrid-vsock Unix socket and serves docs/protocol.md.
import { existsSync, renameSync } from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import { loadAnswers } from './answers/load-answers';
import { ALL_STEPS } from './apply/steps/all-steps';
import { JournalStore, markInterrupted, type Journal } from './apply/journal';
import { PlanRunner } from './apply/plan-runner';
import type { HostEnvironment } from './apply/step-types';
import { TestSwitches } from './apply/test-switches';
import { loadCatalog } from './catalog/load-catalog';
import { describeHost } from './catalog/host-catalog';
import { machineFacts } from './facts/machine-facts';
import type { Catalog } from '../shared/plan/catalog';
import { ProcessExecutor, type Executor } from './exec/executor';
import { ToolPath } from './exec/tool-path';
import { isWholeDisk } from './disk/is-whole-disk';
import { socketAccess, vmId, vmSocketPath, vmmUser, type SocketAccess } from './spectrum/vm-socket';
import { openWholeDisk, type WholeDisk } from './disk/whole-disk';
import { LoggingExecutor } from './exec/logging-executor';
import { Mutex } from './fs/mutex';
import { keyIdOf } from '../shared-node/crypto/ed25519';
import { loadOrCreateSigningKey, type SigningKey } from './keys/signing-key';
import { TrustedKeys } from './keys/trusted-keys';
import { ARGON2ID_KDF, FAST_ARGON2ID_KDF } from './luks/cryptsetup';
import { createLogger, fileSink, stderrSink, type LogSink, type Logger } from './log/logger';
import { Redactor } from './log/redactor';
import { DEFAULTS, checkOptions, type HelperOptions } from './options';
import { prepareSandbox, sandboxLayout } from './sandbox-layout';
import { sandboxPrivileged } from './sandbox/privileges';
import { userDataOwner } from './fs/owned';
import { releaseSandbox } from './sandbox/release';
import { USERDATA_DEVICE } from './apply/steps/userdata-open';
import { Connection } from './server/connection';
import { listenUnix } from './server/unix-listener';
import { ProvisioningService } from './service/provisioning-service';
import { SESSION_LIFETIME_MS, SessionTable } from './session/session-table';
import { HELPER_VERSION } from './version';
import { hostDrives, sandboxDrives } from './usb/removable-drives';
import { withSimulatedKeys } from './fido2/combined-keys';
import { HelperFido2 } from './fido2/helper-fido2';
import { Libfido2Keys } from './fido2/libfido2-keys';
import { SANDBOX_FIDO2_DIR, SimulatedKeys, createSimulatedKeys } from './fido2/simulated-keys';
import type { SecurityKeys } from './fido2/security-keys';

export type { HelperOptions } from './options';
export { OptionsError } from './options';

export interface RunningHelper {
  /** The listening Unix socket (`…_5219`). */
  readonly socketPath: string;
  /** The private signing key file the first-boot VM signs plans with. */
  readonly signingKeyPath: string;
  /** keyid (hex sha256 of the raw public key) of that signing key. */
  readonly keyId: string;
  /** The sandbox folder, or null on a real host. */
  readonly sandbox: string | null;
  /** Stops listening, closes connections, lets the running step end; idempotent. */
  close(): Promise<void>;
}

interface Placement {
  readonly socket: string;
  /** Who besides root may connect to the socket. */
  readonly access: SocketAccess | null;
  readonly env: HostEnvironment;
  readonly stateDir: string;
  readonly signingKey: SigningKey;
  readonly sink: LogSink;
  /** Folders searched for an answers file, in order, before the USB sticks. */
  readonly answersDirs: readonly string[];
  /** Folders searched after the USB sticks (the sandbox's DIR/answers). */
  readonly lastAnswersDirs: readonly string[];
}

async function place(o: HelperOptions, exec: Executor, seed: Catalog): Promise<Placement> {
  if (o.sandbox !== undefined) {
    const layout = sandboxLayout(o.sandbox);
    // A sandbox helper that starts finds the machine as after a reboot: nothing of DIR mounted.
    releaseSandbox(layout.dir);
    prepareSandbox(layout, o.userDataBytes ?? DEFAULTS.userDataBytes, seed);
    const privileged = sandboxPrivileged();
    let wholeDisk: WholeDisk | undefined;
    if (existsSync(layout.disk)) {
      if (!privileged)
        throw new Error(`${layout.disk} is reached through loop devices: run as root with loop devices, or remove it to use userdata.img`);
      wholeDisk = await openWholeDisk(layout.disk, layout.partitionLink, exec);
    }
    return {
      socket: layout.socket,
      access: socketAccess('/', o.socketOwner, o.socketGroup),
      env: {
        kind: 'sandbox',
        root: layout.root,
        target: wholeDisk ? layout.partitionLink : layout.image,
        openedVolume: layout.clearImage,
        privileged,
        ...(wholeDisk ? { wholeDisk } : {}),
      },
      stateDir: layout.state,
      signingKey: loadOrCreateSigningKey(layout.guestDir),
      sink: o.logSink ?? fileSink(layout.log),
      answersDirs: o.answersDirs ?? [],
      lastAnswersDirs: [layout.answers],
    };
  }
  if (!existsSync(o.target!)) throw new Error(`the user-data target ${o.target} does not exist`);
  const root = o.root ?? '/';
  const id = o.vm === undefined ? null : vmId(root, o.vm);
  const wholeDisk = (await isWholeDisk(o.target!))
    ? await openWholeDisk(o.target!, path.join(o.stateDir!, 'userdata-partition'), exec)
    : undefined;
  return {
    socket: id === null ? o.listen! : vmSocketPath(root, id),
    access: socketAccess(root, o.socketOwner ?? (id === null ? undefined : vmmUser(id)), o.socketGroup),
    env: {
      kind: 'spectrum-host',
      root,
      target: wholeDisk ? path.join(o.stateDir!, 'userdata-partition') : o.target!,
      openedVolume: USERDATA_DEVICE,
      privileged: true,
      ...(wholeDisk ? { wholeDisk } : {}),
    },
    stateDir: o.stateDir!,
    signingKey: loadOrCreateSigningKey(o.keyOut!, userDataOwner()),
    sink: o.logSink ?? stderrSink(),
    answersDirs: o.answersDirs ?? [],
    lastAnswersDirs: [],
  };
}

/** The journal at start-up: a plan that was running when the helper died is marked interrupted. */
function recoverJournal(store: JournalStore, log: Logger, now: () => number): Journal | null {
  const found = store.load();
  if (found.kind === 'none') return null;
  if (found.kind === 'corrupt') {
    const aside = `${store.file}.corrupt-${now()}`;
    renameSync(store.file, aside);
    log.error('journal-corrupt', { problem: found.problem, movedTo: aside });
    return null;
  }
  if (found.journal.phase !== 'applying') return found.journal;
  const marked = markInterrupted(found.journal, new Date(now()).toISOString());
  store.save(marked);
  log.warn('plan-interrupted', { planId: marked.planId, step: marked.failure?.step });
  return marked;
}

/**
 * libfido2's tools (from the tool path, or `--fido2-tools-dir`), and in the sandbox also its
 * simulated keys (DIR/fido2, made if missing; `--simulated-fido2-keys` offers only some).
 */
function securityKeysFor(o: HelperOptions, tools: ToolPath): SecurityKeys {
  const real = new Libfido2Keys({ tools: o.fido2ToolsDir === undefined ? tools : new ToolPath([o.fido2ToolsDir]), system: tools });
  if (o.sandbox === undefined || o.noSimulatedKeys) return real;
  const dir = path.join(sandboxLayout(o.sandbox).dir, SANDBOX_FIDO2_DIR);
  createSimulatedKeys(dir, o.simulatedFido2Keys);
  return withSimulatedKeys(real, new SimulatedKeys(dir, { only: o.simulatedFido2Keys }));
}

export async function startHelper(options: HelperOptions): Promise<RunningHelper> {
  checkOptions(options);
  const now = options.now ?? Date.now;
  const seed = loadCatalog(options.catalogFile);
  // Root tools only from the tool path, for placing the helper as for the steps (ADR 062).
  const tools = new ToolPath(options.toolPath);
  const baseExec = options.executor ?? new ProcessExecutor(tools);
  const where = await place(options, baseExec, seed);
  const catalog = describeHost(seed, where.env.root);
  const redactor = new Redactor();
  const log = createLogger(where.sink, redactor, now);
  if (!options.executor && !tools.resolve('setpriv'))
    log.warn('setpriv-missing', { toolPath: tools.envPath, problem: 'tools are not killed when the helper is killed outright' });
  const exec = new LoggingExecutor(baseExec, log);

  // The organization's keys (the trusted-keys folder) sign answers files; plans may be signed by
  // them or by the per-boot key, which never signs answers (docs/decisions/090-answers-file.md).
  const orgKeys = new TrustedKeys();
  if (options.trustedKeysDir) orgKeys.loadDirectory(options.trustedKeysDir, log);
  const trusted = new TrustedKeys();
  const keyId = trusted.add(where.signingKey.publicKey);
  trusted.addAll(orgKeys);
  const drives = options.sandbox !== undefined ? sandboxDrives(exec, sandboxLayout(options.sandbox).dir) : hostDrives(exec);
  const answers = await loadAnswers(
    { file: options.answersFile, dirs: where.answersDirs, drives, lastDirs: where.lastAnswersDirs },
    orgKeys,
    catalog,
    log,
  );
  const securityKeys = new HelperFido2(options.securityKeys ?? securityKeysFor(options, tools));

  const journal = new JournalStore(where.stateDir);
  const runner = new PlanRunner(
    {
      journal,
      steps: ALL_STEPS,
      env: where.env,
      exec,
      passphraseKdf: options.fastKdf ? FAST_ARGON2ID_KDF : ARGON2ID_KDF,
      catalog,
      log,
      now,
      switches: new TestSwitches(options.failSteps, options.slowSteps),
      heartbeatMs: options.heartbeatMs ?? DEFAULTS.heartbeatMs,
      retryWindowMs: options.retryWindowMs ?? SESSION_LIFETIME_MS,
      redactor,
      helperVersion: HELPER_VERSION,
      drives,
    },
    recoverJournal(journal, log, now),
  );
  const service = new ProvisioningService({
    sessions: new SessionTable(now),
    trusted,
    catalog,
    runner,
    target: where.env.target,
    exec,
    log,
    mutex: new Mutex(),
    helperVersion: HELPER_VERSION,
    answers,
    facts: (found) => machineFacts(where.env, exec, found),
    drives,
    securityKeys,
  });

  const connections = new Set<Connection>();
  let nextId = 1;
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs;
  const lifetimeMs = options.connectionLifetimeMs ?? DEFAULTS.connectionLifetimeMs;
  const onConnection = (socket: Socket): void => {
    const connection = new Connection(socket, nextId++, service, { idleTimeoutMs, lifetimeMs, log });
    connections.add(connection);
    socket.once('close', () => connections.delete(connection));
    void connection.begin();
  };
  const listener = await listenUnix(
    where.socket,
    options.maxConnections ?? DEFAULTS.maxConnections,
    onConnection,
    () => log.warn('connection-refused', { reason: 'too many connections' }),
    where.access,
  );
  log.info('listening', {
    socket: listener.path,
    mode: where.env.kind,
    target: where.env.target,
    keyId,
    trustedKeys: trusted.size,
    fastKdf: options.fastKdf === true,
    version: HELPER_VERSION,
  });

  let closing: Promise<void> | null = null;
  return {
    socketPath: listener.path,
    signingKeyPath: where.signingKey.file,
    keyId: keyIdOf(where.signingKey.publicKey),
    sandbox: options.sandbox === undefined ? null : sandboxLayout(options.sandbox).dir,
    close() {
      closing ??= (async () => {
        for (const c of connections) c.destroy();
        await listener.close();
        await runner.stop();
        if (options.sandbox !== undefined) {
          const released = releaseSandbox(options.sandbox);
          if (released.problems.length > 0) log.warn('sandbox-release', { problems: released.problems.join('; ') });
        }
        securityKeys.forgetAll();
        log.info('stopped');
        where.sink.close();
      })();
      return closing;
    },
  };
}
