// With an answers file offered, a plan must name it and keep what it fixes; each departure is
// refused (invalid-plan, by path) before the target is touched.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersChoices } from '../../shared/answers/answers-policy';
import type { Choices } from '../../shared/plan/choices';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { fleetAnswers, makeOrganization, placeAnswers, signAnswers } from '../test-support/answers-maker';
import { HelperClient } from '../test-support/helper-client';
import { makePlan, type PlanSpec } from '../test-support/plan-maker';
import { makeTempDir, startSandbox, type TestSandbox } from '../test-support/sandbox-helper';

describe('a plan on a machine with answers', () => {
  let orgDir: string;
  let sb: TestSandbox;
  let escrowKey: string;
  beforeAll(async () => {
    orgDir = makeTempDir('spectrum-org-');
    const org = makeOrganization(orgDir);
    escrowKey = org.escrowPublicKey;
    const dir = makeTempDir();
    placeAnswers(dir, signAnswers(fleetAnswers({ escrowPublicKey: org.escrowPublicKey, interactive: ['encryption'] }), org.signingKey));
    sb = await startSandbox({ trustedKeysDir: org.trustedKeysDir }, dir);
  });
  afterAll(async () => {
    await sb.dispose();
    rmSync(orgDir, { recursive: true, force: true });
  });

  async function send(change: (choices: Choices, digest: string) => Partial<PlanSpec>) {
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    if (hello.answers?.status !== 'offered') throw new Error('answers not offered');
    expect(hello.answers.answers.escrow?.publicKey).toBe(escrowKey);
    const choices = answersChoices(hello.answers.answers) as Choices;
    const plan = await makePlan({
      hello,
      signer: sb.signer,
      choices,
      answersDigest: hello.answers.digest,
      secrets: { passphrase: 'correct horse battery staple', recoveryKey: formatRecoveryKey(randomBytes(32)) },
      ...change(choices, hello.answers.digest),
    });
    client.send(plan.frame);
    const [answer] = await client.untilEnd();
    client.close();
    return answer;
  }

  it('is refused without the answers digest', async () => {
    expect(await send(() => ({ answersDigest: undefined }))).toMatchObject({
      type: 'error',
      code: 'invalid-plan',
      details: [{ path: '/answers' }],
    });
  });

  it('is refused with the digest of another file', async () => {
    expect(await send(() => ({ answersDigest: 'ab'.repeat(32) }))).toMatchObject({
      type: 'error',
      code: 'invalid-plan',
      details: [{ path: '/answers/digest' }],
    });
  });

  it('is refused where it departs from a fixed section, one detail per departure', async () => {
    const answer = await send((c) => ({
      choices: { ...c, profile: 'power', apps: ['browser', 'editor', 'terminal', 'nixos'], locale: 'de' },
    }));
    expect(answer).toMatchObject({ type: 'error', code: 'invalid-plan' });
    const paths = answer?.type === 'error' ? answer.details?.map((d) => d.path) : [];
    expect(paths).toEqual(['/locale', '/profile', '/vms/apps']);
  });

  it('is refused when an app the answers keep starts fresh instead', async () => {
    const answer = await send((c) => ({ choices: { ...c, transientApps: ['editor'] } }));
    expect(answer).toMatchObject({
      type: 'error',
      code: 'invalid-plan',
      details: [{ path: '/vms/persistent', problem: 'differs from the answers file, which fixes which app VMs keep their files' }],
    });
  });

  it('may choose an interactive section, but not drop the escrowed recovery key', async () => {
    const answer = await send((c) => ({
      choices: { ...c, encryption: { method: 'passphrase', recoveryKey: false } },
      secrets: { passphrase: 'correct horse battery staple' },
    }));
    expect(answer).toMatchObject({
      type: 'error',
      code: 'invalid-plan',
      details: [{ path: '/encryption/recoveryKey', problem: 'must be true: the answers file escrows recovery keys' }],
    });
  });
});
