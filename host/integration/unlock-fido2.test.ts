// A security key, enrolled at the helper (protocol 1.1: the PIN sealed, "touch your key" as
// fido2-prompt frames, the secret kept by the helper and named in the plan), then the unlock at
// boot with the same (simulated) key: it asks for the PIN where the token requires one, says
// "touch your key" and opens; a wrong PIN is said, then the prompt takes the recovery key; with
// the key unplugged the prompt takes the recovery key and refuses a wrong one.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import type { Fido2Params } from '../../shared/plan/plan-schema';
import { SIMULATED_PIN, SimulatedKeys } from '../fido2/simulated-keys';
import { HelperClient } from '../test-support/helper-client';
import { enrollAtHelper, fido2Keys, verifyAtHelper } from '../test-support/helper-fido2';
import { makePlan } from '../test-support/plan-maker';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';
import { NO_WAIT, runUnlockCli } from '../test-support/unlock-cli';

const OPENED = 'Unlocked (sandbox: without device-mapper, the key was checked with cryptsetup open --test-passphrase).';

describe.each([
  ['with a PIN', 'pin', SIMULATED_PIN],
  ['without a PIN', 'no-pin', undefined],
] as const)('a security key %s', (_what, name, pin) => {
  const recovery = formatRecoveryKey(randomBytes(32));
  let sb: TestSandbox;
  let params: Fido2Params;
  let touches: number;
  const keys = () => new SimulatedKeys(path.join(sb.dir, 'fido2'));

  beforeAll(async () => {
    sb = await startSandbox();
    const listed = await fido2Keys(sb.helper.socketPath);
    expect(listed).toMatchObject({ type: 'fido2-devices', toolsMissing: expect.any(Boolean) });
    if (listed.type !== 'fido2-devices') throw new Error('unreachable');
    expect(listed.keys.find((k) => k.id === `sim:${name}`)).toMatchObject({ hasPin: pin !== undefined, simulated: true });

    const enrolled = await enrollAtHelper(sb.helper.socketPath, `sim:${name}`, pin);
    if (enrolled.answer.type !== 'fido2-enrolled') throw new Error(`enrollment failed: ${JSON.stringify(enrolled.answer)}`);
    touches = enrolled.touches;
    params = enrolled.answer.params;
    const tested = await verifyAtHelper(sb.helper.socketPath, enrolled.answer.enrollmentId, pin);
    expect(tested.answer).toEqual({ type: 'fido2-verified', verified: true });

    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({
      hello,
      signer: sb.signer,
      choices: { locale: 'en', encryption: { method: 'fido2', recoveryKey: true } },
      fido2: params,
      secrets: { fido2Enrollment: enrolled.answer.enrollmentId, recoveryKey: recovery },
    });
    client.send(plan.frame);
    const frames = await client.untilEnd();
    client.close();
    expect(frames.at(-1)).toMatchObject({ type: 'result', ok: true });
  }, 120_000);
  afterAll(() => sb.dispose());

  it('was enrolled at the helper with "touch your key" prompts, the PIN as the key asks', () => {
    expect(touches).toBe(2); // make the credential, then the assertion that gives the secret
    expect(params.clientPinRequired).toBe(pin !== undefined);
    expect(params.rp).toBe('io.systemd.cryptsetup');
  });

  it('opens at boot with the key: PIN where required, "touch your key"', async () => {
    const r = await runUnlockCli(['--sandbox', sb.dir, ...NO_WAIT], pin === undefined ? null : [pin]);
    expect(r.stdout).toContain('Touch your security key now.');
    if (pin !== undefined) expect(r.stdout).toContain('PIN of your security key:');
    else expect(r.stdout).not.toContain('PIN of your security key:');
    expect(r.stdout).toContain(OPENED);
    expect(r.stdout).not.toContain('Recovery key:');
    expect(r.code).toBe(0);
  });

  if (pin !== undefined) {
    it('says so after wrong PINs and falls through to the recovery key', async () => {
      const r = await runUnlockCli(['--sandbox', sb.dir, ...NO_WAIT], ['000000', '111111', '222222', recovery]);
      expect(r.stdout.match(/Wrong PIN for the security key\./g)).toHaveLength(3);
      expect(r.stdout).toContain('Recovery key:');
      expect(r.stdout).toContain(OPENED);
      expect(r.code).toBe(0);
      // A right PIN afterwards still works: wrong ones are not a lockout of the volume.
      expect((await runUnlockCli(['--sandbox', sb.dir, ...NO_WAIT], [pin])).code).toBe(0);
    });
  }

  it('with the key unplugged: the prompt takes the recovery key, and refuses a wrong one', async () => {
    keys().setPlugged(name, false);
    try {
      const wrong = await runUnlockCli(['--sandbox', sb.dir, ...NO_WAIT, '--attempts', '1'], [formatRecoveryKey(randomBytes(32))]);
      expect(wrong.stdout).toContain('No security key is plugged in.');
      expect(wrong.stdout).toContain('Your data is still locked after 1 tries.');
      expect(wrong.code).toBe(1);
      const right = await runUnlockCli(['--sandbox', sb.dir, ...NO_WAIT], [recovery.replace(/-/g, '')]);
      expect(right.stdout).toContain('No security key is plugged in.');
      expect(right.stdout).toContain(OPENED);
      expect(right.code).toBe(0);
    } finally {
      keys().setPlugged(name, true);
    }
  });
});
