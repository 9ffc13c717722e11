// The install flow end to end against a fake helper on a real Unix socket: the handlers and
// the dispatcher as the renderer reaches them.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InstallEventSchema, type InstallEvent } from '../../../shared/ipc/contract';
import type { Choices } from '../../../shared/plan/choices';
import { formatRecoveryKey } from '../../../shared/plan/recovery-key';
import { systemClock } from '../clock';
import { createDispatcher, type Dispatch } from '../dispatcher';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startSandbox } from '../../../host/test-support/sandbox-helper';
import { createHandlers, type HandlerSet } from '../handlers';
import { createLogger } from '../log';
import { lazySigner } from '../signing/signer';
import { rawPublicKey } from '../../../shared-node/crypto/ed25519';
import { WizardStateStore } from '../state/wizard-state-store';
import { FakeHelper, type FakeHelperOptions } from '../test-support/fake-helper';
import { writeSigningKey } from '../test-support/signing-key';
import { makeTempDir } from '../../../shared-node/test-support/temp-dir';
import { waitFor } from '../test-support/wait-for';
import { unixTransport } from '../transport/unix-transport';

const choices: Choices = {
  locale: 'fi',
  keyboard: { layout: 'fi', variant: '' },
  accessibility: { highContrast: false, largeText: false, reduceMotion: false, screenReader: false },
  profile: 'common',
  apps: ['browser', 'editor', 'terminal'],
  encryption: { method: 'passphrase', recoveryKey: true },
};
const PASSPHRASE = 'correct horse battery staple';

let temp: ReturnType<typeof makeTempDir>;
let helper: FakeHelper | null;
let sets: HandlerSet[];
let events: InstallEvent[];
let logs: string[];

beforeEach(() => {
  temp = makeTempDir();
  helper = null;
  sets = [];
  events = [];
  logs = [];
});
afterEach(async () => {
  for (const s of sets) s.close();
  await helper?.close();
  temp.remove();
});

function wizard(opts: { socketPath: string; keyPath: string; reattachWindowMs?: number }): Dispatch<null> {
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
    timeouts: { helloMs: 2000, answerMs: 5000 },
    reattach: { windowMs: opts.reattachWindowMs ?? 10_000, delaysMs: [20, 50, 100], stallMs: 3000 },
  });
  sets.push(set);
  return createDispatcher(set.handlers, { isTrustedSender: () => true, log });
}

async function setup(options: Partial<Omit<FakeHelperOptions, 'dir' | 'trustedKey'>> = {}, reattachWindowMs?: number) {
  const { keyPath, publicKey } = writeSigningKey(temp.dir);
  helper = await FakeHelper.start({ dir: temp.dir, trustedKey: publicKey, ...options });
  return { dispatch: wizard({ socketPath: helper.socketPath, keyPath, reattachWindowMs }), keyPath, publicKey, helper };
}

const startRequest = (recoveryKey: string, overrides: Partial<Choices> = {}) => ({
  installId: randomBytes(16).toString('base64url'),
  choices: { ...choices, ...overrides },
  secrets: { passphrase: PASSPHRASE, recoveryKey },
});

const resultEvent = () => events.find((e) => e.kind === 'result');

describe('helper.info', () => {
  it('returns the facts of a fresh hello', async () => {
    const { dispatch } = await setup();
    const r = await dispatch('helper.info', {}, null);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      protocol: 1,
      helper: 'fake-helper/1',
      state: { phase: 'fresh' },
      machine: { userDataBytes: 64_000_000_000 },
    });
    expect((r.value as { catalog: unknown[] }).catalog.length).toBeGreaterThan(3);
  });

  it('says helper-unreachable, with the reason, when nothing listens', async () => {
    const { keyPath } = writeSigningKey(temp.dir);
    const dispatch = wizard({ socketPath: path.join(temp.dir, 'nothing_5219'), keyPath });
    const r = await dispatch('helper.info', {}, null);
    expect(r).toMatchObject({ ok: false, error: { code: 'helper-unreachable', details: [{ path: '/transport', problem: 'no-socket' }] } });
  });

  it('says helper-unreachable, so the wizard waits, while the helper cannot use the disk', async () => {
    const { dispatch } = await setup({ targetUnavailable: 'target-busy' });
    const r = await dispatch('helper.info', {}, null);
    expect(r).toMatchObject({ ok: false, error: { code: 'helper-unreachable', details: [{ path: '/state', problem: 'target-busy' }] } });
  });

  it('says signing-key-missing first when the key is absent', async () => {
    const { helper: h } = await setup();
    const dispatch = wizard({ socketPath: h.socketPath, keyPath: path.join(temp.dir, 'absent.pem') });
    expect(await dispatch('helper.info', {}, null)).toMatchObject({ ok: false, error: { code: 'signing-key-missing' } });
    const connections = h.connections;
    expect(await dispatch('install.start', startRequest(formatRecoveryKey(randomBytes(32))), null)).toMatchObject({
      ok: false,
      error: { code: 'signing-key-missing' },
    });
    expect(h.connections).toBe(connections); // nothing was sent
  });
});

describe('install.start', () => {
  it('signs, seals and sends the plan, answers with accepted, then streams progress and the result', async () => {
    const { dispatch, publicKey, helper: h } = await setup();
    const recoveryKey = formatRecoveryKey(randomBytes(32));
    const request = startRequest(recoveryKey);
    const before = Date.now();
    const r = await dispatch('install.start', request, null);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const started = r.value as { planId: string; steps: { id: string }[] };
    expect(started.steps).toHaveLength(9);

    const [received] = h.plans;
    expect(received).toBeDefined();
    const payloadBytes = Buffer.from(received!.envelope.payload, 'base64');
    expect(started.planId).toBe(createHash('sha256').update(payloadBytes).digest('hex'));
    expect(received!.envelope.signatures[0]!.keyid).toBe(createHash('sha256').update(rawPublicKey(publicKey)).digest('hex'));
    expect(received!.payload.installId).toBe(request.installId);
    expect(Date.parse(received!.payload.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(received!.payload.vms.apps).toEqual(['browser', 'editor', 'terminal']);
    expect(received!.secrets).toEqual({ passphrase: PASSPHRASE, recoveryKey });

    await waitFor(() => resultEvent() !== undefined, 5000, 'the result');
    expect(events.filter((e) => e.kind === 'progress').length).toBeGreaterThanOrEqual(9);
    expect(resultEvent()).toMatchObject({ kind: 'result', result: { ok: true, planId: started.planId } });
    expect(events.some((e) => e.kind === 'connection')).toBe(false);

    // No secret in what main logged or pushed.
    const said = logs.join('') + JSON.stringify(events);
    expect(said).not.toContain(PASSPHRASE);
    expect(said).not.toContain(recoveryKey);
  });

  it("answers with the helper's error, code, message and details", async () => {
    const { dispatch } = await setup({
      rejectPlan: {
        type: 'error',
        code: 'invalid-plan',
        message: 'plan refused',
        details: [{ path: '/vms/apps/2', problem: 'unknown app id' }],
      },
    });
    const r = await dispatch('install.start', startRequest(formatRecoveryKey(randomBytes(32))), null);
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid-plan', message: 'plan refused', details: [{ path: '/vms/apps/2', problem: 'unknown app id' }] },
    });
  });

  it('refuses a request without the secret its choice needs, naming the field and not the value', async () => {
    const { dispatch, helper: h } = await setup();
    const noRecovery = await dispatch('install.start', { ...startRequest('x'), secrets: { passphrase: PASSPHRASE } }, null);
    expect(noRecovery).toMatchObject({ ok: false, error: { code: 'ipc-bad-request', details: [{ path: '/secrets/recoveryKey' }] } });
    const short = await dispatch(
      'install.start',
      {
        ...startRequest('x'),
        choices: { ...choices, encryption: { method: 'passphrase', recoveryKey: false } },
        secrets: { passphrase: 'hunter2' },
      },
      null,
    );
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'ipc-bad-request', details: [{ path: '/secrets/passphrase', problem: 'too-short' }] },
    });
    expect(JSON.stringify(short)).not.toContain('hunter2');
    expect(h.plans).toHaveLength(0);
  });

  it('enrolls the security key at the helper (touch prompts as events, PIN sealed), and the plan names the enrollment', async () => {
    const sandbox = await startSandbox();
    try {
      const dispatch = wizard({ socketPath: sandbox.helper.socketPath, keyPath: sandbox.helper.signingKeyPath });
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
          choices: { ...choices, encryption: { method: 'fido2', recoveryKey: true } },
          secrets: { fido2EnrollmentId: enrollmentId, recoveryKey },
        },
        null,
      );
      expect(r.ok, JSON.stringify(r)).toBe(true);
      await waitFor(() => resultEvent() !== undefined, 60_000, 'the result');
      expect(resultEvent()).toMatchObject({ result: { ok: true } });
      // Keyslot 0 opens with base64 of hmac-secret(salt), from the simulated key's own record.
      const key = JSON.parse(readFileSync(path.join(sandbox.dir, 'fido2', 'pin.json'), 'utf8')) as {
        credentials: Record<string, { withUv: string }>;
      };
      const credRandom = Buffer.from(key.credentials[params.credential]!.withUv, 'base64');
      const expected = createHmac('sha256', credRandom).update(Buffer.from(params.salt, 'base64')).digest('base64');
      const open = spawnSync(
        'cryptsetup',
        ['open', '--test-passphrase', '--key-slot', '0', '--key-file', '-', path.join(sandbox.dir, 'userdata.img')],
        { input: expected },
      );
      expect(open.status).toBe(0);
      // The helper took the enrollment into the plan and forgot it; so did the wizard.
      expect(await dispatch('fido2.verify', { enrollmentId, pin: '123456' }, null)).toMatchObject({
        ok: false,
        error: { code: 'unknown-enrollment' },
      });
      expect(logs.join('')).not.toContain('123456');
      expect(readFileSync(path.join(sandbox.dir, 'helper.log'), 'utf8')).not.toContain(expected);
    } finally {
      await sandbox.dispose();
    }
  });
});

describe('after accepted', () => {
  it('reports a dropped connection as lost, attaches again and reports restored', async () => {
    const { dispatch, helper: h } = await setup({ dropAfterProgress: 3, stepMs: 15 });
    const r = await dispatch('install.start', startRequest(formatRecoveryKey(randomBytes(32))), null);
    expect(r.ok).toBe(true);
    await waitFor(() => resultEvent() !== undefined, 8000, 'the result');
    const kinds = events.map((e) => (e.kind === 'connection' ? e.state : e.kind));
    expect(kinds.indexOf('lost')).toBeGreaterThan(0);
    expect(kinds.indexOf('restored')).toBeGreaterThan(kinds.indexOf('lost'));
    expect(kinds.at(-1)).toBe('result');
    expect(h.attaches).toEqual([(r as { value: { planId: string } }).value.planId]);
  });

  it('attaches again without alarming anyone when the helper recycles the connection', async () => {
    const { dispatch, helper: h } = await setup({ dropAfterProgress: 3, dropWith: 'timeout-error', stepMs: 15 });
    const r = await dispatch('install.start', startRequest(formatRecoveryKey(randomBytes(32))), null);
    expect(r.ok).toBe(true);
    await waitFor(() => resultEvent() !== undefined, 8000, 'the result');
    expect(events.some((e) => e.kind === 'connection')).toBe(false);
    expect(h.attaches).toHaveLength(1);
    expect(resultEvent()).toMatchObject({ result: { ok: true } });
  });

  it('keeps trying while the helper restarts', async () => {
    const { dispatch, helper: h } = await setup({ stepMs: 40 });
    const r = await dispatch('install.start', startRequest(formatRecoveryKey(randomBytes(32))), null);
    expect(r.ok).toBe(true);
    await waitFor(() => events.some((e) => e.kind === 'progress'), 3000, 'progress');
    await h.stopListening();
    await waitFor(() => events.some((e) => e.kind === 'connection' && e.state === 'lost'), 3000, 'lost');
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few failed attempts
    await h.listen();
    await waitFor(() => resultEvent() !== undefined, 8000, 'the result');
    expect(events.some((e) => e.kind === 'connection' && e.state === 'restored')).toBe(true);
    expect(resultEvent()).toMatchObject({ result: { ok: true } });
  });

  it('says it gave up when the helper stays away past the re-attach window', async () => {
    const { dispatch, helper: h } = await setup({ stepMs: 40 }, 400);
    const r = await dispatch('install.start', startRequest(formatRecoveryKey(randomBytes(32))), null);
    expect(r.ok).toBe(true);
    await waitFor(() => events.some((e) => e.kind === 'progress'), 3000, 'progress');
    await h.stopListening();
    await waitFor(() => events.some((e) => e.kind === 'connection' && e.state === 'gave-up'), 5000, 'gave-up');
    const states = events.flatMap((e) => (e.kind === 'connection' ? [e.state] : []));
    expect(states).toEqual(['lost', 'gave-up']);
  });

  it('install.retry resumes a failed plan', async () => {
    const { dispatch, helper: h } = await setup({ failStep: 'vm-definitions' });
    const r = await dispatch('install.start', startRequest(formatRecoveryKey(randomBytes(32))), null);
    if (!r.ok) throw new Error('not accepted');
    const planId = (r.value as { planId: string }).planId;
    await waitFor(() => resultEvent() !== undefined, 5000, 'the failed result');
    expect(resultEvent()).toMatchObject({ result: { ok: false, step: 'vm-definitions', retryable: true } });
    events.length = 0;
    const retried = await dispatch('install.retry', { planId }, null);
    expect(retried).toMatchObject({ ok: true, value: { planId } });
    await waitFor(() => resultEvent() !== undefined, 5000, 'the result');
    expect(resultEvent()).toMatchObject({ result: { ok: true } });
    expect(h.retries).toEqual([planId]);
  });

  it('install.attach from a restarted wizard picks the plan up again', async () => {
    const { dispatch, keyPath, helper: h } = await setup({ stepMs: 20 });
    const r = await dispatch('install.start', startRequest(formatRecoveryKey(randomBytes(32))), null);
    if (!r.ok) throw new Error('not accepted');
    const planId = (r.value as { planId: string }).planId;
    sets[0]!.close(); // the first wizard goes away
    events.length = 0;
    const second = wizard({ socketPath: h.socketPath, keyPath });
    const attached = await second('install.attach', { planId }, null);
    expect(attached).toMatchObject({ ok: true, value: { planId } });
    expect((attached as { value: { steps: unknown[] } }).value.steps).toHaveLength(9);
    await waitFor(() => resultEvent() !== undefined, 5000, 'the result');
    expect(resultEvent()).toMatchObject({ result: { ok: true, planId } });
  });

  it('install.attach to an unknown plan is the helper error', async () => {
    const { dispatch } = await setup();
    const r = await dispatch('install.attach', { planId: 'a'.repeat(64) }, null);
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-plan' } });
  });
});
