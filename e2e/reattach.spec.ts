// The helper dies in the middle of the install. The wizard says it is reconnecting; once the
// helper is back it reports honestly that the host stopped mid-step (the plan's secrets died
// with it, so that plan cannot be retried), and Retry starts the installation over with a new
// plan of the same installation, through to Done.
import { test, expect } from './test-support/test';
import { expectAccessible } from './test-support/a11y';
import { expectProvisioned } from './test-support/expect-provisioned';
import { chooseEncryption, expectedFrom, PIN_KEY, walkToSummary, type WizardChoices } from './test-support/flows';
import { PASSPHRASE } from './test-support/secrets';
import type { Wizard } from './pages/wizard';

const SLOW_STEP = { step: 'vm-definitions', title: 'Creating the VMs' } as const;

test.use({ helperOptions: { slowSteps: { [SLOW_STEP.step]: 120_000 } } });

/** Installs, kills the helper during the slow step, restarts it, and expects the honest failure. */
async function installAndLoseTheHelper(
  ui: Wizard,
  sandbox: { kill(): Promise<void>; restart(o?: object): Promise<void> },
  checkA11y: boolean,
): Promise<void> {
  await ui.summary.install();
  await expect(ui.progress.step(SLOW_STEP.title)).toContainText('In progress');
  await sandbox.kill();
  await expect(ui.progress.reconnectingNotice).toBeVisible();
  if (checkA11y) await expectAccessible(ui.page, 'progress, reconnecting');
  await sandbox.restart({});
  await ui.failure.expectExplained(
    `The installation stopped at the step “${SLOW_STEP.title}”.`,
    'The host stopped while this step was running.',
  );
  if (checkA11y) await expectAccessible(ui.page, 'failure, interrupted');
  await expect(ui.failure.backButton, 'the disk was changed: no way back to the choices').toHaveCount(0);
}

test('@failure helper killed mid-apply: the wizard reconnects, says so, and Retry starts over to Done', async ({
  ui,
  sandbox,
  wizardStateDir,
}) => {
  const choices: WizardChoices = { profile: 'common', encryption: { method: 'passphrase', passphrase: PASSPHRASE, recoveryKey: true } };
  const { recoveryKey } = await walkToSummary(ui, choices);
  await installAndLoseTheHelper(ui, sandbox, true);

  await ui.failure.retry();
  await ui.progress.expectShown();
  await expect(ui.done.heading).toBeVisible({ timeout: 60_000 });
  expectProvisioned({ sandboxDir: sandbox.dir, wizardStateDir }, expectedFrom(choices, recoveryKey));
});

test('@failure @encryption helper killed mid-apply with a security key: Retry asks for the key again', async ({
  ui,
  sandbox,
  wizardStateDir,
}) => {
  const choices: WizardChoices = { profile: 'minimal', encryption: PIN_KEY };
  const { recoveryKey } = await walkToSummary(ui, choices);
  await installAndLoseTheHelper(ui, sandbox, false);

  // The key's enrollment was spent on the lost plan: it is set up again, the recovery key stays.
  await ui.failure.retry();
  await ui.encryption.expectShown();
  await chooseEncryption(ui, choices.encryption);
  await ui.encryption.next();
  expect(await ui.recovery.readKey(), 'the recovery key written down is still the one').toBe(recoveryKey);
  await ui.recovery.next();
  await ui.summary.install();
  await expect(ui.done.heading).toBeVisible({ timeout: 60_000 });
  expectProvisioned({ sandboxDir: sandbox.dir, wizardStateDir }, expectedFrom(choices, recoveryKey));
});
