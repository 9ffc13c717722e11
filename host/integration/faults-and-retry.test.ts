// Application is idempotent and resumable: a fault injected at each step in turn, then `retry`,
// ends in the same state as an uninterrupted run. Progress heartbeats keep coming during a long
// step, a later connection can attach, and a wizard that disconnects does not stop the plan.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { STEP_IDS } from '../../shared/plan/steps';
import type { Progress } from '../../shared/protocol/messages';
import { GatedExecutor } from '../test-support/gated-executor';
import { HelperClient, type Received } from '../test-support/helper-client';
import { endState } from '../test-support/end-state';
import { makePlan, newInstallId } from '../test-support/plan-maker';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';
import type { HelperOptions } from '../options';

const SECRETS = { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };

async function applyOnce(
  options: Partial<HelperOptions>,
): Promise<{ sb: TestSandbox; client: HelperClient; frames: Received[]; planId: string }> {
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
  // The first step's cryptsetup is held for as long as the test needs: the step is long
  // however fast the machine, and nothing here races a timer.
  const exec = new GatedExecutor();
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ executor: exec });
  });
  afterAll(async () => {
    exec.release('cryptsetup');
    await sb.dispose();
  });

  const isBeat = (f: Received): f is Progress => f.type === 'progress' && f.step === 'userdata-format' && f.state === 'running';

  it('sends heartbeats at least every 2 s, can be attached to, and carries on without its wizard', async () => {
    exec.hold('cryptsetup');
    const first = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({ hello: first.hello, signer: sb.signer, secrets: SECRETS, installId: newInstallId() });
    first.client.send(plan.frame);
    const seen: Received[] = [];
    for (;;) {
      const f = await first.client.next();
      seen.push(f);
      if (isBeat(f) && f.elapsedMs >= 2000) break;
    }
    first.client.close(); // the wizard goes away mid-step

    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    expect(hello.state).toMatchObject({ phase: 'applying', planId: plan.planId });
    client.send({ type: 'attach', planId: plan.planId });
    const accepted = await client.next();
    expect(accepted.type === 'accepted' && accepted.steps.find((s) => s.id === 'userdata-format')?.state).toBe('running');
    expect(isBeat(await client.next())).toBe(true); // the follower gets the heartbeats too
    exec.release('cryptsetup');
    const rest = await client.untilEnd();
    expect(rest.at(-1)).toMatchObject({ type: 'result', ok: true, planId: plan.planId });
    // The helper's own times of each heartbeat (elapsedMs since the step began): never 2 s apart.
    const beats = seen.filter(isBeat).map((f) => f.elapsedMs);
    expect(beats.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < beats.length; i++) expect(beats[i]! - beats[i - 1]!).toBeLessThan(2000);
    client.close();
  });
});
