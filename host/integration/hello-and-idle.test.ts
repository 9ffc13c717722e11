// `hello` and the idle clock (docs/protocol.md §2, §3): the clock measures only the peer's
// silence, from the moment `hello` is out; `hello` never waits for a probe of the target made
// for another connection or for a plan's admission; the answer it gives about the target is
// kept only until the target changes.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { firstbootToken } from '../luks/luks-tokens';
import { eventually } from '../test-support/gated-executor';
import { gatedSandboxPerTest } from '../test-support/gated-sandbox';
import { HelperClient } from '../test-support/helper-client';
import { makePlan, newInstallId } from '../test-support/plan-maker';
import { startSandbox } from '../test-support/sandbox-helper';

const IDLE_MS = 250;
const SECRETS = { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('hello and the idle clock', () => {
  const t = gatedSandboxPerTest();

  it("does not count the time the helper takes to prepare hello as the peer's silence", async () => {
    t.exec.hold('blkid');
    t.sb = await startSandbox({ idleTimeoutMs: IDLE_MS, executor: t.exec });
    const client = await HelperClient.connect(t.sb.helper.socketPath);
    expect(await eventually(() => t.exec.count('blkid') > 0)).toBe(true); // hello is waiting for the probe
    await sleep(4 * IDLE_MS); // far longer than the idle timeout, all of it the helper's
    t.exec.release('blkid');
    expect(await client.next()).toMatchObject({ type: 'hello', state: { phase: 'fresh' } });
    // Now the peer is silent: that is what times out.
    expect(await client.next()).toMatchObject({ type: 'error', code: 'timeout' });
    expect(await client.next()).toEqual({ type: 'closed' });
  });

  it('answers hello without probing the target again, and without waiting for a plan being admitted', async () => {
    t.sb = await startSandbox({ executor: t.exec });
    const first = await HelperClient.open(t.sb.helper.socketPath);
    expect(first.hello.state).toEqual({ phase: 'fresh' });
    const probes = t.exec.count('blkid');

    t.exec.hold('blkid'); // any probe from now on would hang
    const many = await Promise.all(Array.from({ length: 8 }, () => HelperClient.open(t.sb!.helper.socketPath)));
    for (const { client, hello } of many) {
      expect(hello.state).toEqual({ phase: 'fresh' });
      client.close();
    }
    expect(t.exec.count('blkid')).toBe(probes);

    // A plan's admission probes the target afresh, holding the admission lock, and hangs there.
    first.client.send((await makePlan({ hello: first.hello, signer: t.sb.signer, installId: newInstallId(), secrets: SECRETS })).frame);
    expect(await eventually(() => t.exec.count('blkid') > probes)).toBe(true);
    const during = await HelperClient.open(t.sb.helper.socketPath);
    expect(during.hello.type).toBe('hello');
    during.client.close();

    t.exec.release('blkid');
    expect(await first.client.next()).toMatchObject({ type: 'accepted' });
    first.client.close();
  });

  it('keeps what the target says only until the target changes', async () => {
    t.sb = await startSandbox({ executor: t.exec });
    const before = await HelperClient.open(t.sb.helper.socketPath);
    expect(before.hello.state).toEqual({ phase: 'fresh' });
    before.client.close();

    // Someone else finishes an installation on the target behind this helper's back.
    const image = `${t.sb.dir}/userdata.img`;
    const planId = randomBytes(32).toString('hex');
    const fast = ['--pbkdf', 'pbkdf2', '--pbkdf-force-iterations', '1000'];
    run('cryptsetup', ['luksFormat', '--type', 'luks2', '--batch-mode', ...fast, '--key-file', '-', image], 'some passphrase');
    run(
      'cryptsetup',
      ['token', 'import', '--token-id', '0', '--json-file', '-', image],
      JSON.stringify(firstbootToken(newInstallId(), planId, new Date().toISOString())),
    );

    const after = await HelperClient.open(t.sb.helper.socketPath);
    expect(after.hello.state).toEqual({ phase: 'provisioned', planId, steps: [] });
    after.client.close();
  });
});

function run(cmd: string, args: string[], input: string): void {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}
