// Every refusal of docs/protocol.md §5 over a real socket, each with its code and the failing field.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { generateSealKeyPair } from '../../shared/protocol/seal';
import { base64url } from '../../shared/util/bytes';
import { GatedExecutor } from '../test-support/gated-executor';
import { HelperClient } from '../test-support/helper-client';
import { makePlan, newInstallId, type PlanSpec } from '../test-support/plan-maker';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';

const SECRETS = { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };

describe('verification refusals', () => {
  let sb: TestSandbox;
  let clockOffset = 0;
  beforeAll(async () => {
    sb = await startSandbox({ now: () => Date.now() + clockOffset });
  });
  afterAll(() => sb.dispose());

  /** Opens a connection, builds a plan from its hello (with changes), sends it, returns the answer. */
  async function answerTo(
    spec: Partial<PlanSpec> = {},
    edit?: (frame: Record<string, unknown>) => unknown,
  ): Promise<Record<string, unknown>> {
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({ hello, signer: sb.signer, secrets: SECRETS, ...spec });
    client.send((edit ? edit(structuredClone(plan.frame) as unknown as Record<string, unknown>) : plan.frame) as { type: string });
    const answer = (await client.next()) as unknown as Record<string, unknown>;
    client.close();
    return answer;
  }

  it('bad-envelope: no signatures, extra members, a payload that is not base64', async () => {
    expect(await answerTo({}, (f) => ({ type: 'plan', envelope: { ...(f.envelope as object), signatures: [] } }))).toMatchObject({
      type: 'error',
      code: 'bad-envelope',
      details: [{ path: '/envelope/signatures' }],
    });
    expect(await answerTo({}, (f) => ({ type: 'plan', envelope: { ...(f.envelope as object), extra: 1 } }))).toMatchObject({
      code: 'bad-envelope',
    });
    expect(await answerTo({}, (f) => ({ type: 'plan', envelope: { ...(f.envelope as object), payload: '!!' } }))).toMatchObject({
      code: 'bad-envelope',
      details: [{ path: '/envelope/payload' }],
    });
    expect(await answerTo({}, () => ({ type: 'plan' }))).toMatchObject({ code: 'bad-envelope' });
  });

  it('bad-payload-type: any other payloadType', async () => {
    expect(
      await answerTo({}, (f) => ({ type: 'plan', envelope: { ...(f.envelope as object), payloadType: 'application/json' } })),
    ).toMatchObject({
      code: 'bad-payload-type',
      details: [{ path: '/envelope/payloadType' }],
    });
  });

  it('bad-signature: signed by an unknown key, even under the trusted keyid', async () => {
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const answer = await answerTo({ signer: stranger }, (f) => {
      const env = f.envelope as { signatures: { keyid: string }[] };
      env.signatures[0]!.keyid = sb.helper.keyId; // the hint lies
      return f;
    });
    expect(answer).toMatchObject({ code: 'bad-signature', details: [{ path: '/envelope/signatures' }] });
  });

  it('bad-signature: a payload changed after signing', async () => {
    const answer = await answerTo({
      tamper: (bytes) => new TextEncoder().encode(new TextDecoder().decode(bytes).replace('"profile":"common"', '"profile":"power" ')),
    });
    expect(answer).toMatchObject({ code: 'bad-signature' });
  });

  it('unknown-session: a session the helper never opened, or one opened on another connection', async () => {
    expect(await answerTo({ mutate: (p) => ({ ...p, session: base64url.encode(randomBytes(16)) }) })).toMatchObject({
      code: 'unknown-session',
      details: [{ path: '/session' }],
    });
    const a = await HelperClient.open(sb.helper.socketPath);
    const b = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({ hello: a.hello, signer: sb.signer, secrets: SECRETS });
    b.client.send(plan.frame);
    expect(await b.client.next()).toMatchObject({ code: 'unknown-session' });
    a.client.close();
    b.client.close();
  });

  it("expired: the helper's own clock is past the session's expiry", async () => {
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({ hello, signer: sb.signer, secrets: SECRETS });
    clockOffset = 11 * 60 * 1000;
    client.send(plan.frame);
    const answer = await client.next();
    clockOffset = 0;
    expect(answer).toMatchObject({ type: 'error', code: 'expired' });
    client.close();
  });

  it('invalid-plan: apps for the minimal profile, with the field named', async () => {
    const answer = await answerTo({ mutate: (p) => ({ ...p, profile: 'minimal' }) });
    expect(answer).toMatchObject({ type: 'error', code: 'invalid-plan' });
    expect(answer.details).toContainEqual({ path: '/vms/apps', problem: 'the minimal profile has no app VMs' });
  });

  it('invalid-plan: unknown app, duplicate, wrong shape', async () => {
    const unknown = await answerTo({ mutate: (p) => ({ ...p, vms: { ...p.vms, apps: ['browser', 'editor', 'spyware'] } }) });
    expect(unknown.details).toContainEqual({ path: '/vms/apps/2', problem: 'unknown app id' });
    const shape = await answerTo({ mutate: (p) => ({ ...p, locale: 42 }) });
    expect(shape).toMatchObject({ code: 'invalid-plan', details: [{ path: '/locale' }] });
  });

  it('invalid-plan: a keyboard layout the unlock prompt cannot load (no console keymap)', async () => {
    const arabic = await answerTo({ choices: { keyboard: { layout: 'ara', variant: '' } } });
    expect(arabic).toMatchObject({ type: 'error', code: 'invalid-plan', details: [{ path: '/keyboard' }] });
    const made = await answerTo({ choices: { keyboard: { layout: 'us', variant: 'made-up' } } });
    expect(made).toMatchObject({ code: 'invalid-plan', details: [{ path: '/keyboard' }] });
  });

  it('invalid-plan: secrets that break the rules are named, never echoed', async () => {
    const short = await answerTo({ secrets: { passphrase: 'short', recoveryKey: SECRETS.recoveryKey } });
    expect(short).toMatchObject({ code: 'invalid-plan', details: [{ path: '/encryption/sealed/passphrase' }] });
    expect(JSON.stringify(short)).not.toContain('short"');
    const wide = await answerTo({ secrets: { passphrase: 'ä'.repeat(300), recoveryKey: SECRETS.recoveryKey } });
    expect(wide).toMatchObject({ code: 'invalid-plan', details: [{ path: '/encryption/sealed/passphrase' }] });
    const missing = await answerTo({ secrets: { passphrase: SECRETS.passphrase } });
    expect(missing).toMatchObject({ code: 'invalid-plan', details: [{ path: '/encryption/sealed/recoveryKey' }] });
  });

  it('bad-seal: secrets sealed to another key', async () => {
    const other = await generateSealKeyPair();
    const answer = await answerTo({}, undefined);
    expect(answer.type).toBe('accepted'); // the control case: this sandbox now applies a plan
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({
      hello,
      signer: sb.signer,
      secrets: SECRETS,
      sealTo: { publicKey: other.publicKey, session: hello.session, nonce: hello.nonce },
    });
    client.send(plan.frame);
    expect(await client.next()).toMatchObject({ code: 'bad-seal', details: [{ path: '/encryption/sealed' }] });
    client.close();
  });

  it('replayed: the same signed plan again, on a new connection', async () => {
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({ hello, signer: sb.signer, secrets: SECRETS, mutate: (p) => ({ ...p, profile: 'minimal' }) });
    client.send(plan.frame);
    expect(await client.next()).toMatchObject({ code: 'invalid-plan' });
    client.send(plan.frame);
    expect(await client.next()).toMatchObject({ code: 'replayed' });
    client.close();
    const other = await HelperClient.open(sb.helper.socketPath);
    other.client.send(plan.frame);
    expect(await other.client.next()).toMatchObject({ code: 'replayed' });
    other.client.close();
  });

  it('unknown-plan: attach or retry of a plan the helper does not know', async () => {
    const { client } = await HelperClient.open(sb.helper.socketPath);
    client.send({ type: 'attach', planId: 'ab'.repeat(32) });
    expect(await client.next()).toMatchObject({ code: 'unknown-plan', details: [{ path: '/planId' }] });
    client.send({ type: 'retry', planId: 'cd'.repeat(32) });
    expect(await client.next()).toMatchObject({ code: 'unknown-plan' });
    client.send({ type: 'attach', planId: 'not hex' });
    expect(await client.next()).toMatchObject({ code: 'unknown-plan' });
    client.close();
  });
});

describe('refusals that depend on the machine', () => {
  it('insufficient-space: the selection does not fit the target', async () => {
    const sb = await startSandbox({ userDataBytes: 2 * 1024 ** 3 });
    try {
      const { client, hello } = await HelperClient.open(sb.helper.socketPath);
      expect(hello.machine.userDataBytes).toBe(2 * 1024 ** 3);
      const plan = await makePlan({
        hello,
        signer: sb.signer,
        secrets: SECRETS,
        choices: { profile: 'power', apps: ['browser', 'editor', 'terminal', 'nixos'] },
      });
      client.send(plan.frame);
      expect(await client.next()).toMatchObject({ code: 'insufficient-space', details: [{ path: '/vms' }] });
      client.close();
    } finally {
      await sb.dispose();
    }
  });

  it('busy: a second plan while one applies; already-provisioned once it is done', async () => {
    // The first plan's cryptsetup is held until the second plan has been answered: the first is
    // still applying then, however slow the machine.
    const exec = new GatedExecutor();
    const sb = await startSandbox({ executor: exec });
    try {
      const first = await HelperClient.open(sb.helper.socketPath);
      const second = await HelperClient.open(sb.helper.socketPath);
      const installId = newInstallId();
      exec.hold('cryptsetup');
      first.client.send((await makePlan({ hello: first.hello, signer: sb.signer, secrets: SECRETS, installId })).frame);
      expect(await first.client.next()).toMatchObject({ type: 'accepted' });
      second.client.send((await makePlan({ hello: second.hello, signer: sb.signer, secrets: SECRETS, installId })).frame);
      expect(await second.client.next()).toMatchObject({ type: 'error', code: 'busy' });
      exec.release('cryptsetup');
      const frames = await first.client.untilEnd();
      expect(frames.at(-1)).toMatchObject({ type: 'result', ok: true });
      const third = await HelperClient.open(sb.helper.socketPath);
      third.client.send((await makePlan({ hello: third.hello, signer: sb.signer, secrets: SECRETS, installId })).frame);
      expect(await third.client.next()).toMatchObject({ type: 'error', code: 'already-provisioned' });
      for (const c of [first, second, third]) c.client.close();
    } finally {
      exec.release('cryptsetup');
      await sb.dispose();
    }
  });

  it('internal: a target that cannot be read', async () => {
    const sb = await startSandbox();
    try {
      const { client, hello } = await HelperClient.open(sb.helper.socketPath);
      const image = path.join(sb.dir, 'userdata.img');
      rmSync(image);
      mkdirSync(image); // a directory where the image was: cannot be read as a disk
      client.send((await makePlan({ hello, signer: sb.signer, secrets: SECRETS })).frame);
      const answer = await client.next();
      expect(answer).toMatchObject({ type: 'error', code: 'internal' });
      expect(JSON.stringify(answer)).not.toContain(SECRETS.passphrase);
      client.close();
    } finally {
      await sb.dispose();
    }
  });
});
