// The unlock program against a sandbox the real helper provisioned: the passphrase or the
// recovery key (recognised by its form, any case, with or without dashes) opens it; a wrong
// one is refused with a clear message, a few times, then it gives up with a non-zero exit;
// the keyboard recorded by first boot is what it would load.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { HelperClient } from '../test-support/helper-client';
import { makePlan } from '../test-support/plan-maker';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';
import { NO_WAIT, runUnlockCli } from '../test-support/unlock-cli';

const PASSPHRASE = 'unlock me at every boot';
const RECOVERY = formatRecoveryKey(randomBytes(32));
const OPENED = 'Unlocked (sandbox: without device-mapper, the key was checked with cryptsetup open --test-passphrase).';

async function provision(sb: TestSandbox, spec: Partial<Parameters<typeof makePlan>[0]>): Promise<void> {
  const { client, hello } = await HelperClient.open(sb.helper.socketPath);
  client.send((await makePlan({ hello, signer: sb.signer, secrets: { passphrase: PASSPHRASE, recoveryKey: RECOVERY }, ...spec })).frame);
  const frames = await client.untilEnd();
  client.close();
  expect(frames.at(-1)).toMatchObject({ type: 'result', ok: true });
}

describe('unlocking a passphrase volume with a recovery key', () => {
  let sb: TestSandbox;
  const unlock = (answers: string[] | null, extra: string[] = []) => runUnlockCli(['--sandbox', sb.dir, ...NO_WAIT, ...extra], answers);

  beforeAll(async () => {
    sb = await startSandbox();
    await provision(sb, { choices: { locale: 'en', keyboard: { layout: 'fi', variant: '' } } });
  });
  afterAll(() => sb.dispose());

  it('opens with the passphrase and says the sandbox only tested it', async () => {
    const r = await unlock([PASSPHRASE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Passphrase or recovery key:');
    expect(r.stdout).toContain(OPENED);
    expect(r.stdout).toContain('Sandbox: mount-userdata and vm-import are not run.');
    expect(r.stdout).not.toContain(PASSPHRASE);
  });

  it("would load the keymap of the plan's layout, and says the exact command", async () => {
    const r = await unlock([PASSPHRASE]);
    expect(r.stdout).toContain('Keyboard layout: fi (sandbox: would run loadkeys -q -- fi)');
    expect(r.stdout.indexOf('loadkeys')).toBeLessThan(r.stdout.indexOf('Passphrase or recovery key:'));
  });

  it('opens with the recovery key as shown, in capitals, or without dashes', async () => {
    for (const typed of [RECOVERY, RECOVERY.toUpperCase(), RECOVERY.replace(/-/g, ''), RECOVERY.replace(/-/g, ' ')]) {
      const r = await unlock([typed]);
      expect(r.code, typed).toBe(0);
      expect(r.stdout).toContain(OPENED);
    }
  });

  it('refuses a wrong key with a clear message, then takes the right one', async () => {
    const r = await unlock(['not the passphrase', RECOVERY.slice(0, -2), PASSPHRASE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('That did not unlock your data. Check the keyboard layout and Caps Lock, then try again. Tries left: 4.');
    expect(r.stdout).toContain('Tries left: 3.');
    expect(r.stdout).toContain(OPENED);
  });

  it('gives up after the allowed tries with a non-zero exit and says nothing is locked for good', async () => {
    const r = await unlock(['wrong 1', 'wrong 2', 'wrong 3'], ['--attempts', '3']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Tries left: 1.');
    expect(r.stdout).toContain('Your data is still locked after 3 tries. Nothing is locked for good');
    expect(r.stdout).not.toContain('Unlocked');
  });

  it('stays locked and says so when input ends before a key', async () => {
    const r = await unlock(null);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Nothing was typed: your data stays locked.');
  });

  it('runs the same as npm run unlock', async () => {
    const r = await runUnlockCli(['--sandbox', sb.dir, ...NO_WAIT], [PASSPHRASE], { npm: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(OPENED);
  });
});

describe('unlocking a passphrase volume without a recovery key', () => {
  let sb: TestSandbox;

  beforeAll(async () => {
    sb = await startSandbox();
    await provision(sb, {
      choices: { locale: 'fi', encryption: { method: 'passphrase', recoveryKey: false } },
      secrets: { passphrase: PASSPHRASE },
    });
  });
  afterAll(() => sb.dispose());

  it('asks for the passphrase only, in the language of the setup', async () => {
    const r = await runUnlockCli(['--sandbox', sb.dir, ...NO_WAIT], [RECOVERY, PASSPHRASE]);
    expect(r.stdout).toContain('Tunnuslause:');
    expect(r.stdout).not.toContain('Palautusavain');
    expect(r.stdout).toContain('Yrityksiä jäljellä: 4.');
    expect(r.code).toBe(0);
  });
});

describe('a machine that never finished first boot', () => {
  it('has nothing to unlock, and says so', async () => {
    const sb = await startSandbox();
    try {
      const r = await runUnlockCli(['--sandbox', sb.dir], []);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('No user data from a first setup was found on this computer: there is nothing to unlock.');
    } finally {
      await sb.dispose();
    }
  });

  it('with an interrupted install, has nothing to unlock yet', async () => {
    const sb = await startSandbox({ failSteps: [{ step: 'vm-definitions', count: 5 }] });
    try {
      const { client, hello } = await HelperClient.open(sb.helper.socketPath);
      client.send((await makePlan({ hello, signer: sb.signer, secrets: { passphrase: PASSPHRASE, recoveryKey: RECOVERY } })).frame);
      expect((await client.untilEnd()).at(-1)).toMatchObject({ type: 'result', ok: false });
      client.close();
      const r = await runUnlockCli(['--sandbox', sb.dir], [PASSPHRASE]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('The first setup of this computer has not finished: there is nothing to unlock yet.');
      expect(r.stdout).not.toContain('Passphrase');
    } finally {
      await sb.dispose();
    }
  });
});
