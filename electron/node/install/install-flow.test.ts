// The install flow end to end against the real helper (in a sandbox folder, real cryptsetup, a
// real Unix socket), through a forwarder that can break the link: the handlers and the
// dispatcher as the renderer reaches them, and what the wizard then shows.
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InstallEventSchema, type InstallEvent } from '../../../shared/ipc/contract';
import type { Choices } from '../../../shared/plan/choices';
import type { PlanPayload } from '../../../shared/plan/plan-schema';
import { formatRecoveryKey } from '../../../shared/plan/recovery-key';
import { STEP_IDS } from '../../../shared/plan/steps';
import type { Envelope } from '../../../shared/protocol/messages';
import { makeTempDir } from '../../../shared-node/test-support/temp-dir';
import { COMMON_CHOICES } from '../../../host/test-support/plan-maker';
import { startSandbox, type TestSandbox } from '../../../host/test-support/sandbox-helper';
import type { HelperOptions } from '../../../host/helper';
import { DEFAULTS } from '../../../host/options';
import { systemClock } from '../clock';
import { createDispatcher, type Dispatch } from '../dispatcher';
import { DEFAULT_HELPER_TIMEOUTS, type HelperTimeouts } from '../helper/helper-client';
import { createHandlers, type HandlerSet } from '../handlers';
import { createLogger } from '../log';
import { lazySigner } from '../signing/signer';
import { WizardStateStore } from '../state/wizard-state-store';
import { HelperProxy } from '../test-support/helper-proxy';
import { waitFor } from '../test-support/wait-for';
import { unixTransport } from '../transport/unix-transport';
import { DEFAULT_REATTACH } from './plan-follower';

const PASSPHRASE = 'correct horse battery staple';
/** A real install in the sandbox takes seconds; this only bounds one that never ends. */
const INSTALL_MS = 50_000;

let temp: ReturnType<typeof makeTempDir>;
let sandbox: TestSandbox | null;
let proxy: HelperProxy | null;
let sets: HandlerSet[];
let events: InstallEvent[];
let logs: string[];

beforeEach(() => {
  temp = makeTempDir();
  sandbox = null;
  proxy = null;
  sets = [];
  events = [];
  logs = [];
});
afterEach(async () => {
  for (const s of sets) s.close();
  proxy?.close();
  await sandbox?.dispose();
  temp.remove();
});

interface WizardOptions {
  readonly socketPath: string;
  readonly keyPath: string;
  readonly reattachWindowMs?: number;
  readonly stallMs?: number;
  readonly timeouts?: HelperTimeouts;
}

function wizard(opts: WizardOptions): Dispatch<null> {
  const log = createLogger((line) => logs.push(line));
  const set = createHandlers({
    config: { sandbox: true, simulatedFido2: true, exportDir: path.join(temp.dir, 'exports') },
    platform: { runtime: 'preview', version: '0.0.0-test', restart: () => false },
    transport: unixTransport(opts.socketPath),
    signer: lazySigner(opts.keyPath),
    clock: systemClock,
    stateStore: new WizardStateStore(path.join(temp.dir, 'state')),
    emit: (event) => events.push(InstallEventSchema.parse(event)),
    log,
    timeouts: opts.timeouts ?? DEFAULT_HELPER_TIMEOUTS,
    reattach: {
      windowMs: opts.reattachWindowMs ?? 60_000,
      delaysMs: [20, 50, 100],
      stallMs: opts.stallMs ?? DEFAULT_REATTACH.stallMs,
    },
  });
  sets.push(set);
  return createDispatcher(set.handlers, { isTrustedSender: () => true, log });
}

/** The real helper on a fresh sandbox, and a wizard that reaches it through the proxy. */
async function setup(helper: Partial<HelperOptions> = {}, opts: Partial<Omit<WizardOptions, 'socketPath' | 'keyPath'>> = {}) {
  const sb = await startSandbox(helper);
  sandbox = sb;
  const p = await HelperProxy.start(path.join(temp.dir, 'proxy_5219'), sb.helper.socketPath);
  proxy = p;
  const keyPath = sb.helper.signingKeyPath;
  return { dispatch: wizard({ socketPath: p.path, keyPath, ...opts }), keyPath, sandbox: sb, proxy: p };
}

const startRequest = (recoveryKey: string, overrides: Partial<Choices> = {}) => ({
  installId: randomBytes(16).toString('base64url'),
  choices: { ...COMMON_CHOICES, ...overrides },
  secrets: { passphrase: PASSPHRASE, recoveryKey },
});

async function started(dispatch: Dispatch<null>): Promise<string> {
  const r = await dispatch('install.start', startRequest(formatRecoveryKey(randomBytes(32))), null);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.value as { planId: string }).planId;
}

const resultEvent = () => events.find((e) => e.kind === 'result');
const connectionStates = () => events.flatMap((e) => (e.kind === 'connection' ? [e.state] : []));
const sent = (p: HelperProxy, type: string) => p.fromWizard.filter((f) => f.type === type);
const opensWith = (image: string, key: string) =>
  spawnSync('cryptsetup', ['open', '--test-passphrase', '--key-file', '-', image], { input: key }).status === 0;

describe('helper.info', () => {
  it("returns the facts of the helper's fresh hello", async () => {
    const { dispatch } = await setup();
    const r = await dispatch('helper.info', {}, null);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value).toMatchObject({ protocol: 1, state: { phase: 'fresh' }, machine: { userDataBytes: DEFAULTS.userDataBytes } });
    const catalog = (r.value as { catalog: { id: string }[] }).catalog.map((entry) => entry.id);
    expect(catalog).toEqual(expect.arrayContaining([...COMMON_CHOICES.apps]));
  });

  it('says helper-unreachable, with the reason, when nothing listens', async () => {
    const { proxy: p, keyPath } = await setup();
    p.goAway();
    const r = await wizard({ socketPath: p.path, keyPath })('helper.info', {}, null);
    expect(r).toMatchObject({ ok: false, error: { code: 'helper-unreachable', details: [{ path: '/transport', problem: 'no-socket' }] } });
  });

  it('says helper-unreachable (timeout) when the link stays silent, rather than waiting for ever', async () => {
    const { proxy: p, keyPath } = await setup();
    p.silenceNewConnections();
    const dispatch = wizard({ socketPath: p.path, keyPath, timeouts: { helloMs: 1000, answerMs: 1000 } });
    const r = await dispatch('helper.info', {}, null);
    expect(r).toMatchObject({ ok: false, error: { code: 'helper-unreachable', details: [{ path: '/connection', problem: 'timeout' }] } });
    expect(p.fromHelper.map((f) => f.type)).toEqual(['hello']); // the helper answered; the link lost it
  });

  it('says helper-unreachable, so the wizard waits, while the helper cannot read the disk', async () => {
    const { dispatch, sandbox: sb } = await setup();
    rmSync(path.join(sb.dir, 'userdata.img')); // the user-data disk is gone
    const r = await dispatch('helper.info', {}, null);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'helper-unreachable', details: [{ path: '/state', problem: 'target-unreadable' }] },
    });
  });

  it('says signing-key-missing first when the key is absent, and sends nothing', async () => {
    const { proxy: p } = await setup();
    const dispatch = wizard({ socketPath: p.path, keyPath: path.join(temp.dir, 'absent.pem') });
    expect(await dispatch('helper.info', {}, null)).toMatchObject({ ok: false, error: { code: 'signing-key-missing' } });
    expect(await dispatch('install.start', startRequest(formatRecoveryKey(randomBytes(32))), null)).toMatchObject({
      ok: false,
      error: { code: 'signing-key-missing' },
    });
    expect(p.connections).toBe(0);
  });
});

describe('install.start', () => {
  it('signs, seals and sends the plan the helper accepts, then streams progress and the result', async () => {
    const { dispatch, sandbox: sb, proxy: p } = await setup();
    const recoveryKey = formatRecoveryKey(randomBytes(32));
    const request = startRequest(recoveryKey);
    const before = Date.now();
    const r = await dispatch('install.start', request, null);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const { planId, steps } = r.value as { planId: string; steps: { id: string }[] };
    expect(steps.map((s) => s.id)).toEqual([...STEP_IDS]);

    // What went over the wire: the plan is named by the hash of its signed bytes, under the sandbox's key.
    const [plan] = sent(p, 'plan') as unknown as { envelope: Envelope }[];
    const payloadBytes = Buffer.from(plan!.envelope.payload, 'base64');
    expect(planId).toBe(createHash('sha256').update(payloadBytes).digest('hex'));
    expect(plan!.envelope.signatures.map((s) => s.keyid)).toEqual([sb.helper.keyId]);
    const payload = JSON.parse(payloadBytes.toString('utf8')) as PlanPayload;
    expect(payload.installId).toBe(request.installId);
    expect(Date.parse(payload.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(payload.vms.apps).toEqual(COMMON_CHOICES.apps);

    await waitFor(() => resultEvent() !== undefined, INSTALL_MS, 'the result');
    expect(events.filter((e) => e.kind === 'progress').length).toBeGreaterThanOrEqual(STEP_IDS.length);
    expect(resultEvent()).toMatchObject({ kind: 'result', result: { ok: true, planId, receipt: { installId: request.installId } } });
    expect(connectionStates()).toEqual([]);

    // The sealed secrets reached the helper intact: the volume opens with each of them.
    const image = path.join(sb.dir, 'userdata.img');
    expect(opensWith(image, PASSPHRASE)).toBe(true);
    expect(opensWith(image, recoveryKey)).toBe(true);
    expect(opensWith(image, `${PASSPHRASE}x`)).toBe(false);

    // No secret in what main logged or pushed.
    const said = logs.join('') + JSON.stringify(events);
    expect(said).not.toContain(PASSPHRASE);
    expect(said).not.toContain(recoveryKey);
  });

  it("answers with the helper's error: its code, message and details", async () => {
    // A user-data disk far too small for the apps chosen: the helper refuses the plan.
    const { dispatch, proxy: p } = await setup({ userDataBytes: 32 * 1024 * 1024 });
    const r = await dispatch('install.start', startRequest(formatRecoveryKey(randomBytes(32))), null);
    const refusal = p.fromHelper.find((f) => f.type === 'error') as { code: string; message: string; details: unknown[] } | undefined;
    expect(refusal).toMatchObject({ code: 'insufficient-space' });
    expect(refusal!.details.length).toBeGreaterThan(0);
    expect(r).toEqual({ ok: false, error: { code: refusal!.code, message: refusal!.message, details: refusal!.details } });
    expect(events).toEqual([]);
  });

  it('refuses a request without the secret its choice needs, naming the field and not the value', async () => {
    const { dispatch, proxy: p } = await setup();
    const noRecovery = await dispatch('install.start', { ...startRequest('x'), secrets: { passphrase: PASSPHRASE } }, null);
    expect(noRecovery).toMatchObject({ ok: false, error: { code: 'ipc-bad-request', details: [{ path: '/secrets/recoveryKey' }] } });
    const short = await dispatch(
      'install.start',
      {
        ...startRequest('x'),
        choices: { ...COMMON_CHOICES, encryption: { method: 'passphrase', recoveryKey: false } },
        secrets: { passphrase: 'hunter2' },
      },
      null,
    );
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'ipc-bad-request', details: [{ path: '/secrets/passphrase', problem: 'too-short' }] },
    });
    expect(JSON.stringify(short)).not.toContain('hunter2');
    expect(p.connections).toBe(0);
  });

  it('enrolls the security key at the helper (touch prompts as events, PIN sealed), and the plan names the enrollment', async () => {
    const { dispatch, sandbox: sb } = await setup();
    const listed = await dispatch('fido2.devices', {}, null);
    expect(listed).toMatchObject({
      ok: true,
      value: { devices: expect.arrayContaining([{ id: 'sim:pin', name: 'Simulated key (PIN 123456)', hasPin: true, simulated: true }]) },
    });
    expect(await dispatch('fido2.enroll', { deviceId: 'sim:pin', pin: '000000' }, null)).toMatchObject({
      ok: false,
      error: { code: 'fido2-wrong-pin' },
    });
    const enrolled = await dispatch('fido2.enroll', { deviceId: 'sim:pin', pin: '123456' }, null);
    if (!enrolled.ok) throw new Error(JSON.stringify(enrolled.error));
    const { enrollmentId, params } = enrolled.value as {
      enrollmentId: string;
      params: { credential: string; salt: string; clientPinRequired: boolean };
    };
    expect(params.clientPinRequired).toBe(true);
    expect(events.filter((e) => e.kind === 'fido2')).toEqual([
      { kind: 'fido2', prompt: 'touch' },
      { kind: 'fido2', prompt: 'touch' },
    ]);
    expect(await dispatch('fido2.verify', { enrollmentId, pin: '123456' }, null)).toEqual({ ok: true, value: { verified: true } });

    const recoveryKey = formatRecoveryKey(randomBytes(32));
    const r = await dispatch(
      'install.start',
      {
        installId: randomBytes(16).toString('base64url'),
        choices: { ...COMMON_CHOICES, encryption: { method: 'fido2', recoveryKey: true } },
        secrets: { fido2EnrollmentId: enrollmentId, recoveryKey },
      },
      null,
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    await waitFor(() => resultEvent() !== undefined, INSTALL_MS, 'the result');
    expect(resultEvent()).toMatchObject({ result: { ok: true } });
    // Keyslot 0 opens with base64 of hmac-secret(salt), from the simulated key's own record.
    const key = JSON.parse(readFileSync(path.join(sb.dir, 'fido2', 'pin.json'), 'utf8')) as {
      credentials: Record<string, { withUv: string }>;
    };
    const credRandom = Buffer.from(key.credentials[params.credential]!.withUv, 'base64');
    const expected = createHmac('sha256', credRandom).update(Buffer.from(params.salt, 'base64')).digest('base64');
    const open = spawnSync(
      'cryptsetup',
      ['open', '--test-passphrase', '--key-slot', '0', '--key-file', '-', path.join(sb.dir, 'userdata.img')],
      { input: expected },
    );
    expect(open.status).toBe(0);
    // The helper took the enrollment into the plan and forgot it; so did the wizard.
    expect(await dispatch('fido2.verify', { enrollmentId, pin: '123456' }, null)).toMatchObject({
      ok: false,
      error: { code: 'unknown-enrollment' },
    });
    expect(logs.join('')).not.toContain('123456');
    expect(readFileSync(path.join(sb.dir, 'helper.log'), 'utf8')).not.toContain(expected);
  });
});

describe('after accepted', () => {
  it('reports a connection dropped mid-frame as lost, attaches again and reports restored', async () => {
    const { dispatch, proxy: p } = await setup();
    p.cutPlanConnection(3, 'mid-frame');
    const planId = await started(dispatch);
    await waitFor(() => resultEvent() !== undefined, INSTALL_MS, 'the result');
    expect(connectionStates()).toEqual(['lost', 'restored']);
    const kinds = events.map((e) => (e.kind === 'connection' ? e.state : e.kind));
    expect(kinds.indexOf('lost')).toBeGreaterThan(0);
    expect(kinds.at(-1)).toBe('result');
    expect(resultEvent()).toMatchObject({ result: { ok: true, planId } });
    expect(sent(p, 'attach')).toMatchObject([{ planId }]);
  });

  it('treats a link that goes silent as dropped, and follows the plan again on a new connection', async () => {
    // vm-definitions dwells until the helper stops, so only the wizard's own clock can end the
    // silent connection; the helper says `running` every 200 ms meanwhile.
    const dwell = { slowSteps: [{ step: 'vm-definitions' as const, ms: 600_000 }], heartbeatMs: 200 };
    const { dispatch, proxy: p } = await setup(dwell, { stallMs: 2000 });
    p.cutPlanConnection(2, 'stall');
    await started(dispatch);
    await waitFor(() => connectionStates().includes('restored'), INSTALL_MS, 'restored');
    const seen = events.length;
    await waitFor(() => events.slice(seen).some((e) => e.kind === 'progress'), INSTALL_MS, 'progress after restored');
    expect(connectionStates().slice(0, 2)).toEqual(['lost', 'restored']);
    expect(resultEvent()).toBeUndefined();
  });

  it('attaches again without alarming anyone when a connection is closed with timeout', async () => {
    // The real helper never closes a connection that follows a plan (docs/protocol.md §2); the
    // wizard still must not alarm anyone if one is closed as idle, so the link says it here.
    const { dispatch, proxy: p } = await setup();
    p.cutPlanConnection(3, 'timeout-error');
    const planId = await started(dispatch);
    await waitFor(() => resultEvent() !== undefined, INSTALL_MS, 'the result');
    expect(connectionStates()).toEqual([]);
    expect(sent(p, 'attach')).toMatchObject([{ planId }]);
    expect(resultEvent()).toMatchObject({ result: { ok: true, planId } });
  });

  it('keeps trying while the helper is out of reach, and follows the plan to its end once it is back', async () => {
    const { dispatch, proxy: p } = await setup();
    p.cutPlanConnection(2, 'go-away');
    const planId = await started(dispatch);
    await waitFor(() => logs.filter((l) => l.includes('install.reattach-failed')).length >= 2, INSTALL_MS, 'failed attempts');
    expect(connectionStates()).toEqual(['lost']);
    await p.comeBack();
    await waitFor(() => resultEvent() !== undefined, INSTALL_MS, 'the result');
    expect(connectionStates()).toEqual(['lost', 'restored']);
    expect(resultEvent()).toMatchObject({ result: { ok: true, planId } });
  });

  it('says it gave up when the helper stays out of reach past the re-attach window', async () => {
    const { dispatch, proxy: p } = await setup({}, { reattachWindowMs: 400 });
    p.cutPlanConnection(2, 'go-away');
    await started(dispatch);
    await waitFor(() => connectionStates().includes('gave-up'), INSTALL_MS, 'gave-up');
    expect(connectionStates()).toEqual(['lost', 'gave-up']);
    expect(resultEvent()).toBeUndefined();
  });

  it('shows an install that a helper restart interrupted, after attaching to the restarted helper', async () => {
    // The helper dwells in vm-definitions until it is stopped; its next start finds the plan
    // interrupted in the journal (docs/protocol.md §6.7).
    const { dispatch, sandbox: sb } = await setup({ slowSteps: [{ step: 'vm-definitions', ms: 600_000 }] });
    const planId = await started(dispatch);
    const inStep = (e: InstallEvent) => e.kind === 'progress' && e.progress.step === 'vm-definitions';
    await waitFor(() => events.some(inStep), INSTALL_MS, 'vm-definitions');
    sandbox = await sb.restart({ slowSteps: [] });
    await waitFor(() => resultEvent() !== undefined, INSTALL_MS, 'the result');
    expect(connectionStates()).toEqual(['lost', 'restored']);
    expect(resultEvent()).toMatchObject({ result: { ok: false, planId, step: 'vm-definitions', code: 'interrupted', retryable: false } });
  });

  it('install.retry resumes a failed plan', async () => {
    const { dispatch, proxy: p } = await setup({ failSteps: [{ step: 'vm-definitions', count: 1 }] });
    const planId = await started(dispatch);
    await waitFor(() => resultEvent() !== undefined, INSTALL_MS, 'the failed result');
    expect(resultEvent()).toMatchObject({ result: { ok: false, step: 'vm-definitions', retryable: true } });
    events.length = 0;
    const retried = await dispatch('install.retry', { planId }, null);
    expect(retried).toMatchObject({ ok: true, value: { planId } });
    await waitFor(() => resultEvent() !== undefined, INSTALL_MS, 'the result');
    expect(resultEvent()).toMatchObject({ result: { ok: true, planId } });
    expect(sent(p, 'retry')).toMatchObject([{ planId }]);
  });

  it('install.attach from a restarted wizard picks the plan up again', async () => {
    const { dispatch, keyPath, proxy: p } = await setup();
    const planId = await started(dispatch);
    sets[0]!.close(); // the first wizard goes away
    events.length = 0;
    const second = wizard({ socketPath: p.path, keyPath });
    const attached = await second('install.attach', { planId }, null);
    expect(attached).toMatchObject({ ok: true, value: { planId } });
    expect((attached as { value: { steps: unknown[] } }).value.steps).toHaveLength(STEP_IDS.length);
    await waitFor(() => resultEvent() !== undefined, INSTALL_MS, 'the result');
    expect(resultEvent()).toMatchObject({ result: { ok: true, planId } });
  });

  it('install.attach to an unknown plan is the helper error', async () => {
    const { dispatch } = await setup();
    const r = await dispatch('install.attach', { planId: 'a'.repeat(64) }, null);
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-plan' } });
  });
});
