// The strength estimator is large (its dictionaries): it starts loading as the Encryption page
// opens, so the first verdict comes promptly once the person types.
import { test, expect } from './fixtures/test';

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
