// The next boot after a security-key install through the preview: the helper enrolled the key
// (the wizard relayed its PIN and touch prompts), and the unlock program opens the data with
// the same key (PIN, touch); with the key unplugged the prompt takes the recovery key.
import path from 'node:path';
import { SimulatedKeys } from '../host/fido2/simulated-keys';
import { runUnlockCli } from '../host/test-support/unlock-cli';
import { test, expect } from './test-support/test';
import { expectProvisioned } from './test-support/expect-provisioned';
import { expectedFrom, installToDone, PIN_KEY, walkToSummary, type WizardChoices } from './test-support/flows';
import { SIMULATED_PIN } from './test-support/secrets';

const OPENED = 'Unlocked (sandbox: without device-mapper, the key was checked with cryptsetup open --test-passphrase).';

test('@encryption a security key set up through the preview opens the data at boot; without it, the recovery key does', async ({
  ui,
  sandbox,
  wizardStateDir,
}) => {
  const choices: WizardChoices = { profile: 'minimal', encryption: PIN_KEY };
  const { recoveryKey } = await walkToSummary(ui, choices);
  await installToDone(ui);
  expectProvisioned({ sandboxDir: sandbox.dir, wizardStateDir }, expectedFrom(choices, recoveryKey));

  const withKey = await runUnlockCli(['--sandbox', sandbox.dir, '--attempt-delay-ms', '0'], [SIMULATED_PIN]);
  expect(withKey.stdout).toContain('PIN of your security key:');
  expect(withKey.stdout).toContain('Touch your security key now.');
  expect(withKey.stdout).toContain(OPENED);
  expect(withKey.code).toBe(0);

  new SimulatedKeys(path.join(sandbox.dir, 'fido2')).setPlugged('pin', false);
  const withoutKey = await runUnlockCli(['--sandbox', sandbox.dir, '--attempt-delay-ms', '0'], ['not the key', recoveryKey!]);
  expect(withoutKey.stdout).toContain('No security key is plugged in.');
  expect(withoutKey.stdout).toContain('That did not unlock your data.');
  expect(withoutKey.stdout).toContain(OPENED);
  expect(withoutKey.code).toBe(0);
});
