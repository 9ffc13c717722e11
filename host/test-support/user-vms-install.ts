// A sandbox install with user VMs, as the tests of what a later boot does with them start: user
// data large enough for the chosen apps, a passphrase and a recovery key, run to its end, and
// where that user data is mounted.
import { randomBytes } from 'node:crypto';
import type { Choices } from '../../shared/plan/choices';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { HelperClient, type Received } from './helper-client';
import { makePlan } from './plan-maker';
import { startSandbox, type TestSandbox } from './sandbox-helper';
import { userDataMount } from './user-data-mount';

export interface UserVmsInstall {
  readonly sb: TestSandbox;
  readonly frames: Received[];
  /** DIR/root/media/<uuid>: the installed user data. */
  readonly mount: string;
}

/** Throws (the sandbox disposed) when the install does not succeed. */
export async function installUserVms(choices: Pick<Choices, 'apps' | 'transientApps'>): Promise<UserVmsInstall> {
  const sb = await startSandbox({ userDataBytes: 8 * 1024 ** 3 });
  try {
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({
      hello,
      signer: sb.signer,
      secrets: { passphrase: 'a passphrase for the user VMs', recoveryKey: formatRecoveryKey(randomBytes(32)) },
      choices,
    });
    client.send(plan.frame);
    const frames = await client.untilEnd();
    client.close();
    const last = frames.at(-1);
    if (last?.type !== 'result' || !last.ok) throw new Error(`the install failed: ${JSON.stringify(last)}`);
    return { sb, frames, mount: userDataMount(sb.dir) };
  } catch (e) {
    await sb.dispose();
    throw e;
  }
}
