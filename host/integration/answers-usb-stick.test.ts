// An answers file that fixes the USB stick as the key names the stick (docs/protocol.md §12.1):
// a plan that puts the key file on another stick is refused before anything is written
// (invalid-plan, /encryption/usbKey), and the plan that takes the named stick writes the key
// there and nowhere else.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersChoices } from '../../shared/answers/answers-policy';
import type { Choices } from '../../shared/plan/choices';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import type { UsbDrive } from '../../shared/protocol/usb-messages';
import { fleetAnswers, makeOrganization, placeAnswers, signAnswers } from '../test-support/answers-maker';
import { HelperClient, type Received } from '../test-support/helper-client';
import { makePlan } from '../test-support/plan-maker';
import { makeTempDir, startSandbox, type TestSandbox } from '../test-support/sandbox-helper';
import { makeStick, stickFileHashes } from '../test-support/sticks';

const KEY_FOLDER = 'spectrum-unlock';

describe('an answers file that names the USB stick for the key', () => {
  let orgDir: string;
  let sb: TestSandbox;
  let named: string;
  let other: string;
  beforeAll(async () => {
    orgDir = makeTempDir('spectrum-org-');
    const org = makeOrganization(orgDir);
    const dir = makeTempDir();
    // The organization's labels are upper case on the sticks; the file may write them in any case.
    named = makeStick(dir, 'fleet', 'vfat', 'SPECTRUM-K');
    other = makeStick(dir, 'photos', 'vfat', 'PHOTOS');
    placeAnswers(
      dir,
      signAnswers(fleetAnswers({ method: 'usb-key', usbStickLabel: 'spectrum-k', escrowPublicKey: org.escrowPublicKey }), org.signingKey),
    );
    sb = await startSandbox({ trustedKeysDir: org.trustedKeysDir }, dir);
  }, 120_000);
  afterAll(async () => {
    await sb.dispose();
    rmSync(orgDir, { recursive: true, force: true });
  });

  async function installOn(label: string): Promise<Received[]> {
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    if (hello.answers?.status !== 'offered') throw new Error(`answers not offered: ${JSON.stringify(hello.answers)}`);
    client.send({ type: 'usb-drives' });
    const listed = await client.next();
    client.close();
    const drive = (listed as { drives: UsbDrive[] }).drives.find((d) => d.label === label)!;
    const { client: planner, hello: fresh } = await HelperClient.open(sb.helper.socketPath);
    const choices = answersChoices(hello.answers.answers) as Choices;
    const plan = await makePlan({
      hello: fresh,
      signer: sb.signer,
      choices: {
        ...choices,
        encryption: { method: 'usb-key', recoveryKey: true, usbKey: { stick: drive.id, fsUuid: drive.fsUuid!, fsType: 'vfat' } },
      },
      answersDigest: hello.answers.digest,
      secrets: { recoveryKey: formatRecoveryKey(randomBytes(32)) },
    });
    planner.send(plan.frame);
    const frames = await planner.untilEnd();
    planner.close();
    return frames;
  }

  it('refuses a plan that writes the key to another stick, and leaves that stick as it was', async () => {
    const before = stickFileHashes(other, 'vfat');
    const [answer] = await installOn('PHOTOS');
    expect(answer).toMatchObject({
      type: 'error',
      code: 'invalid-plan',
      details: [
        { path: '/encryption/usbKey', problem: 'differs from the answers file, which names the USB stick with label "spectrum-k"' },
      ],
    });
    expect(stickFileHashes(other, 'vfat')).toEqual(before);
  });

  it('takes the plan for the named stick, and the key file is written there', async () => {
    const frames = await installOn('SPECTRUM-K');
    expect(frames.at(-1)).toMatchObject({ type: 'result', ok: true });
    const listing = spawnSync('mdir', ['-b', '-i', named, `::/${KEY_FOLDER}`], {
      encoding: 'utf8',
      env: { ...process.env, MTOOLS_SKIP_CHECK: '1' },
    });
    expect(listing.status, listing.stderr).toBe(0);
    expect(listing.stdout).toMatch(/\.key\s*$/m);
  }, 120_000);
});
