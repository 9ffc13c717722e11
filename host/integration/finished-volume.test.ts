// A finished installation is never formatted again, even when the two things that say it is
// finished are gone: with the `spectrum-firstboot` token removed from the header and the
// helper's journal lost (a per-boot state folder), a plan with the same installId (the wizard
// keeps it) is refused with target-in-use and the volume keeps every byte and its LUKS UUID.
// Only a header that still looks freshly formatted passes as an unfinished attempt.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Choices } from '../../shared/plan/choices';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { HelperClient } from '../test-support/helper-client';
import { imageFingerprint } from '../test-support/image-fingerprint';
import { makePlan, newInstallId } from '../test-support/plan-maker';
import { makeTempDir, startSandbox, type TestSandbox } from '../test-support/sandbox-helper';

function cryptsetup(...args: string[]): string {
  const r = spawnSync('cryptsetup', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cryptsetup ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

describe('a finished volume', () => {
  let sb: TestSandbox | null = null;
  let dir = '';
  afterEach(async () => {
    await sb?.dispose();
    sb = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it.each<[string, Partial<Choices>, { passphrase: string; recoveryKey?: string }]>([
    ['with a recovery key', {}, { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) }],
    [
      'passphrase only, minimal',
      { profile: 'minimal', apps: [], encryption: { method: 'passphrase', recoveryKey: false } },
      { passphrase: 'a long enough passphrase' },
    ],
  ])('%s: its token and the journal removed, the same installId is refused and nothing changes', async (_name, choices, secrets) => {
    dir = makeTempDir();
    const installId = newInstallId();
    sb = await startSandbox({}, dir);
    const first = await HelperClient.open(sb.helper.socketPath);
    first.client.send((await makePlan({ hello: first.hello, signer: sb.signer, secrets, installId, choices })).frame);
    expect((await first.client.untilEnd()).at(-1)).toMatchObject({ type: 'result', ok: true });
    first.client.close();
    await sb.helper.close();

    const image = path.join(dir, 'userdata.img');
    cryptsetup('token', 'remove', '--token-id', '0', image);
    rmSync(path.join(dir, 'state', 'journal.json'));
    const uuid = cryptsetup('luksUUID', image);
    const before = imageFingerprint(image);

    sb = await sb.restart();
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    client.send((await makePlan({ hello, signer: sb.signer, secrets, installId, choices })).frame);
    const answer = await client.next();
    client.close();
    expect(answer).toMatchObject({ type: 'error', code: 'target-in-use' });
    expect(cryptsetup('luksUUID', image)).toBe(uuid);
    expect(imageFingerprint(image)).toBe(before);
  });
});
