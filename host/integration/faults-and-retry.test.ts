// Application is idempotent and resumable: a fault injected at each step in turn, then `retry`,
// ends in the same state as an uninterrupted run. Progress heartbeats keep coming during a long
// step, a later connection can attach, and a wizard that disconnects does not stop the plan.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { STEP_IDS } from '../../shared/plan/steps';
import { HelperClient, type Received } from '../test-support/helper-client';
import { endState } from '../test-support/end-state';
import { makePlan, newInstallId } from '../test-support/plan-maker';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';
import type { HelperOptions } from '../options';

const SECRETS = { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };

async function applyOnce(options: Partial<HelperOptions>): Promise<{ sb: TestSandbox; client: HelperClient; frames: Received[]; planId: string }> {
  const sb = await startSandbox(options);
  const { client, hello } = await HelperClient.open(sb.helper.socketPath);
  const plan = await makePlan({ hello, signer: sb.signer, secrets: SECRETS });
  client.send(plan.frame);
  return { sb, client, frames: await client.untilEnd(), planId: plan.planId };
}

describe('fault at every step, then retry', () => {
  let baseline: unknown;
  beforeAll(async () => {
    const run = await applyOnce({});
    expect(run.frames.at(-1)).toMatchObject({ type: 'result', ok: true });
    baseline = endState(run.sb.dir);
    run.client.close();
    await run.sb.dispose();
  });

  it.each(STEP_IDS.map((s) => [s]))('%s', async (step) => {
    const run = await applyOnce({ failSteps: [{ step, count: 1 }] });
    try {
      expect(run.frames.at(-1)).toMatchObject({ type: 'result', ok: false, step, code: 'io', retryable: true });
      const { client: other, hello } = await HelperClient.open(run.sb.helper.socketPath);
      expect(hello.state).toMatchObject({ phase: 'failed', planId: run.planId });
      other.send({ type: 'retry', planId: run.planId });
      const accepted = await other.next();
      expect(accepted).toMatchObject({ type: 'accepted', planId: run.planId });
      if (accepted.type === 'accepted') expect(accepted.steps.find((s) => s.id === step)?.state).toBe('failed');
      const frames = await other.untilEnd();
      expect(frames.at(-1)).toMatchObject({ type: 'result', ok: true });
      // Resumed at the failed step: nothing before it ran again.
      expect(frames[0]).toMatchObject({ type: 'progress', step, state: 'running' });
      const before = new Set(STEP_IDS.slice(0, STEP_IDS.indexOf(step)));
      expect(frames.filter((f) => f.type === 'progress' && before.has(f.step))).toEqual([]);
      expect(endState(run.sb.dir)).toEqual(baseline);
      other.send({ type: 'retry', planId: run.planId });
      expect(await other.next()).toMatchObject({ type: 'error', code: 'already-provisioned' });
      other.close();
    } finally {
      run.client.close();
      await run.sb.dispose();
    }
  });

  it('a step that keeps failing stays failed, and retry works again once it stops', async () => {
    const run = await applyOnce({ failSteps: [{ step: 'system-config', count: 2 }] });
    try {
      run.client.send({ type: 'retry', planId: run.planId });
      const second = await run.client.untilEnd();
      expect(second.at(-1)).toMatchObject({ type: 'result', ok: false, step: 'system-config' });
      run.client.send({ type: 'retry', planId: run.planId });
      expect((await run.client.untilEnd()).at(-1)).toMatchObject({ type: 'result', ok: true });
    } finally {
      run.client.close();
      await run.sb.dispose();
    }
  });
});

describe('a long step', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ slowSteps: [{ step: 'vm-definitions', ms: 3000 }] });
  });
  afterAll(() => sb.dispose());

  it('sends heartbeats at least every 2 s, can be attached to, and carries on without its wizard', async () => {
    const first = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({ hello: first.hello, signer: sb.signer, secrets: SECRETS, installId: newInstallId() });
    first.client.send(plan.frame);
    const seen: { frame: Received; at: number }[] = [];
    for (;;) {
      const f = await first.client.next();
      seen.push({ frame: f, at: Date.now() });
      if (f.type === 'progress' && f.step === 'vm-definitions' && f.state === 'running' && f.elapsedMs >= 1000) break;
    }
    first.client.close(); // the wizard goes away mid-step

    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    expect(hello.state).toMatchObject({ phase: 'applying', planId: plan.planId });
    client.send({ type: 'attach', planId: plan.planId });
    const accepted = await client.next();
    expect(accepted.type === 'accepted' && accepted.steps.find((s) => s.id === 'vm-definitions')?.state).toBe('running');
    const rest = await client.untilEnd();
    expect(rest.at(-1)).toMatchObject({ type: 'result', ok: true, planId: plan.planId });
    const beats = rest.filter((f) => f.type === 'progress' && f.step === 'vm-definitions' && f.state === 'running');
    expect(beats.length).toBeGreaterThanOrEqual(1);
    const running = seen.filter((s) => s.frame.type === 'progress' && s.frame.step === 'vm-definitions' && s.frame.state === 'running');
    for (let i = 1; i < running.length; i++) expect(running[i]!.at - running[i - 1]!.at).toBeLessThan(2000);
    client.close();
  });
});
