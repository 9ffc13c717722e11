// Accessibility of the states the full runs pass too quickly to check: the progress page with
// its log open, and the summary with the plan shown, in High contrast. (Every other page and
// state is checked where a scenario reaches it: profiles, validation, host-errors, reattach.)
import { test, expect } from './test-support/test';
import { expectAccessible } from './test-support/a11y';
import { walkToSummary } from './test-support/flows';
import { PASSPHRASE } from './test-support/secrets';

test('@a11y the axe check is live: it reports a control without a name', async ({ ui }) => {
  await ui.welcome.expectShown();
  await ui.page.evaluate(() => {
    const button = document.createElement('button');
    document.querySelector('main')?.append(button);
  });
  await expect(expectAccessible(ui.page, 'welcome with a nameless button')).rejects.toThrow(/button-name/);
});

test.describe('a slow install', () => {
  test.use({ helperOptions: { slowSteps: { 'vm-definitions': 120_000 } } });

  test('@a11y summary with the plan shown, and progress with the log open, in High contrast', async ({ ui }) => {
    await walkToSummary(ui, {
      accessibility: ['High contrast'],
      profile: 'common',
      encryption: { method: 'passphrase', passphrase: PASSPHRASE, recoveryKey: false },
    });
    const plan = await ui.summary.showPlan();
    await expect(plan).toContainText('"profile": "common"');
    await expect(plan, 'the plan shows secrets only sealed').not.toContainText(PASSPHRASE);
    await expectAccessible(ui.page, 'summary with the plan, high contrast');

    await ui.summary.install();
    await expect(ui.progress.step('Creating the VMs')).toContainText('In progress');
    await expect(ui.progress.overallProgress).not.toHaveAttribute('aria-valuenow', '0');
    const log = await ui.progress.showLog();
    await expect(log).toContainText('vm-definitions: running');
    await expect(log, 'the log shows no secret').not.toContainText(PASSPHRASE);
    await expectAccessible(ui.page, 'progress with the log, high contrast');
  });
});
