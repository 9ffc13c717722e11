// A step that fails: the failure page says where and why, offers Retry (not Back: the disk was
// already changed), and Retry carries on to Done with the host in the state chosen.
import { readFileSync } from 'node:fs';
import { test, expect } from './test-support/test';
import { expectAccessible } from './test-support/a11y';
import { expectProvisioned } from './test-support/expect-provisioned';
import { expectedFrom, walkToSummary, type WizardChoices } from './test-support/flows';
import { PASSPHRASE } from './test-support/secrets';

const COMMON_WITH_RECOVERY: WizardChoices = {
  profile: 'common',
  addApps: ['mail'],
  encryption: { method: 'passphrase', passphrase: PASSPHRASE, recoveryKey: true },
};

/** Step id → how the progress and failure pages name it. */
const FAILING_STEPS = [
  { step: 'userdata-format', title: 'Encrypting the disk for your data' },
  { step: 'userdata-enroll', title: 'Adding the ways to unlock it' },
  { step: 'vm-definitions', title: 'Creating the VMs' },
  { step: 'system-config', title: 'Saving your settings' },
  { step: 'receipt', title: 'Recording the installation' },
] as const;

for (const { step, title } of FAILING_STEPS) {
  test.describe(`${step} fails once`, () => {
    test.use({ helperOptions: { failSteps: { [step]: 1 } } });

    test(`@failure ${step} fails, Retry reaches Done`, async ({ ui, sandbox, wizardStateDir }) => {
      const { recoveryKey } = await walkToSummary(ui, COMMON_WITH_RECOVERY);
      await ui.summary.install();
      await ui.failure.expectExplained(`The installation stopped at the step “${title}”.`, 'Reading or writing the disk failed.');
      await expect(ui.progress.step(title)).toContainText('Failed');
      await expect(ui.failure.backButton, 'the disk was changed: no way back to the choices').toHaveCount(0);
      await expect(ui.page.getByText('The disk has already been changed')).toBeVisible();
      if (step === 'userdata-format') {
        await expectAccessible(ui.page, 'failure after a failed step');
        // The exported log says what happened (expectProvisioned checks it holds no secret).
        const exported = readFileSync(await ui.failure.exportLog(), 'utf8');
        expect(exported).toContain(`failed at ${step}: io`);
      }

      await ui.failure.retry();
      await expect(ui.done.heading, 'Retry should finish the install').toBeVisible({ timeout: 60_000 });
      expectProvisioned({ sandboxDir: sandbox.dir, wizardStateDir }, expectedFrom(COMMON_WITH_RECOVERY, recoveryKey));
    });
  });
}
