// The strength estimator is large (its dictionaries): it starts loading as the Encryption page
// opens, so the first verdict comes promptly once the person types.
import { test, expect } from './test-support/test';

test('@encryption the strength estimator loads as Encryption opens, before a method is chosen', async ({ ui }) => {
  await ui.welcome.next();
  await ui.profile.next(); // Common is preselected
  await ui.apps.expectShown();
  const estimator = ui.page.waitForRequest(/strength\.worker/);
  await ui.apps.next();
  await ui.encryption.expectShown();
  await estimator;
  await expect(ui.encryption.passphraseField, 'nothing typed, no method chosen yet').toHaveCount(0);
});

test('@encryption until the estimate of what was typed arrives, the meter says it is still checking', async ({ ui }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await ui.page.route(/strength\.worker/, async (route) => {
    await held;
    await route.continue();
  });
  await ui.welcome.next();
  await ui.profile.next();
  await ui.apps.next();
  await ui.encryption.expectShown();
  await ui.encryption.passphraseMethod.check();
  await ui.encryption.passphraseField.fill('correct horse battery staple');
  const meter = ui.page.locator('#passphrase-strength');
  await expect(meter).toHaveAttribute('aria-busy', 'true');
  await expect(meter.getByText('Checking', { exact: false })).toBeVisible();
  release();
  await ui.encryption.expectStrengthShown();
  await expect(ui.encryption.strength).toBeVisible();
});
