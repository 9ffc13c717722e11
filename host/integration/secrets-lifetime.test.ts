// How long the helper holds a failed plan's secrets for `retry` (docs/protocol.md §6.6): for one
// retry window after the failed `result`, the lifetime of the session a wizard would retry in.
// Past it the secrets are overwritten and dropped, and `retry` is refused as not retryable.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import type { HelperOptions } from '../options';
import { SESSION_LIFETIME_MS } from '../session/session-table';
import { HelperClient } from '../test-support/helper-client';
import { makePlan } from '../test-support/plan-maker';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';

const SECRETS = { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };

describe('secrets held for a retry', () => {
  let sb: TestSandbox | null = null;
  afterEach(async () => {
    await sb?.dispose();
    sb = null;
  });

  async function failOnce(options: Partial<HelperOptions>): Promise<string> {
    sb = await startSandbox({ ...options, failSteps: [{ step: 'vm-definitions', count: 1 }] });
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({ hello, signer: sb.signer, secrets: SECRETS });
    client.send(plan.frame);
    expect((await client.untilEnd()).at(-1)).toMatchObject({ type: 'result', ok: false, step: 'vm-definitions', retryable: true });
    client.close();
    return plan.planId;
  }

  const secretsDropped = (): boolean => readFileSync(path.join(sb!.dir, 'helper.log'), 'utf8').includes('"event":"secrets-dropped"');

  it('are kept within the retry window: retry resumes', async () => {
    let clock = Date.now();
    const planId = await failOnce({ now: () => clock });
    clock += SESSION_LIFETIME_MS - 1000;
    const { client } = await HelperClient.open(sb!.helper.socketPath);
    client.send({ type: 'retry', planId });
    expect((await client.untilEnd()).at(-1)).toMatchObject({ type: 'result', ok: true });
    client.close();
  });

  it('are dropped once the window has passed by the helper clock: retry is refused', async () => {
    let clock = Date.now();
    const planId = await failOnce({ now: () => clock });
    expect(secretsDropped()).toBe(false);
    clock += SESSION_LIFETIME_MS + 1000;
    const { client, hello } = await HelperClient.open(sb!.helper.socketPath);
    expect(hello.state).toMatchObject({ phase: 'failed', planId });
    client.send({ type: 'retry', planId });
    expect(await client.next()).toMatchObject({
      type: 'error',
      code: 'unknown-plan',
      details: [{ path: '/planId', problem: 'not retryable' }],
    });
    expect(secretsDropped()).toBe(true);
    client.close();
  });

  it('are dropped when the window ends, without waiting for a retry', async () => {
    const planId = await failOnce({ retryWindowMs: 300 });
    const deadline = Date.now() + 30_000;
    while (!secretsDropped()) {
      if (Date.now() > deadline) throw new Error('the secrets were not dropped when the window ended');
      await new Promise((r) => setTimeout(r, 50));
    }
    const { client } = await HelperClient.open(sb!.helper.socketPath);
    client.send({ type: 'retry', planId });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'unknown-plan' });
    client.close();
  });
});
