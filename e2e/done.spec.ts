// Done: no step is current any more, completed steps read as done (their numbers are not
// underlined as links), and Restart says what it does where it cannot restart (the preview).
import { test, expect } from './test-support/test';
import { completeWizard } from './test-support/flows';
import { PASSPHRASE } from './test-support/secrets';

test('@smoke Done marks no step current; Restart in the preview says what it does', async ({ ui, wizard }) => {
  await completeWizard(ui, { profile: 'minimal', encryption: { method: 'passphrase', passphrase: PASSPHRASE, recoveryKey: false } });
  await expect(ui.steps.nav.locator('[aria-current]')).toHaveCount(0);

  await ui.done.restartButton.click();
  const said = ui.page.getByRole('status').filter({ hasText: /preview/i });
  if (wizard.url !== null) await expect(said, 'Restart in the preview should say what it does').toBeVisible();
});

test('@a11y completed steps: the label is the link, the number is not underlined', async ({ ui }) => {
  await ui.welcome.next();
  await ui.profile.expectShown();
  const link = ui.steps.nav.getByRole('button', { name: 'Welcome', exact: true });
  const decoration = (selector: string | null) =>
    link.evaluate((el, s) => getComputedStyle(s ? el.querySelector(s)! : el).textDecorationLine, selector);
  expect(await decoration(null), 'the step button itself').toBe('none');
  expect(await decoration('.step-number'), 'the step number').toBe('none');
  expect(await decoration('.step-label'), 'the step label').toContain('underline');
});
