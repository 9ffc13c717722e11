// Switching the language live, from the header on any page before Install, keeps everything:
// the profile, the apps, the encryption method and the passphrases typed. And the reviewers'
// view switch (offered in the preview) shows keys or the pseudo-locale over the language.
// Controls are found by id and structure, since the language changes under the test.
import { expect, test } from '../fixtures/test';
import { fillSecret } from '../support/hidden-input';

// Language is the renderer's business: the browser preview runs it; Electron adds nothing here.
test.skip(({ runtime }) => runtime === 'electron', 'browser preview only');

const NEXT = 'form.page .page-actions button[type=submit]';
const PASSPHRASE = 'violet anchor meadow 42 lantern';

test('live language switch keeps choices and typed secrets', async ({ wizard }) => {
  const { page } = wizard;
  const title = page.locator('h1');
  await page.locator(NEXT).click();
  await page.locator('#profile-power').check();
  await page.locator(NEXT).click();
  await page.locator('#app-search').waitFor();
  const apps = await page.locator('.app-list input[type=checkbox]:checked').evaluateAll((els) => els.map((e) => e.id));
  await page.locator(NEXT).click();
  await page.locator('#method-passphrase').check();
  await fillSecret(page.locator('#passphrase'), PASSPHRASE, 'the passphrase');
  await fillSecret(page.locator('#rehearsal'), PASSPHRASE, 'the unlock rehearsal');

  for (const [code, heading] of [['de', 'Ihre Daten verschlüsseln'], ['ar', 'شفّر بياناتك'], ['fi', 'Salaa tietosi']] as const) {
    await page.locator('#header-language').selectOption(code);
    await expect(title).toHaveText(heading);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.locator('#method-passphrase')).toBeChecked();
    for (const id of ['#passphrase', '#rehearsal']) await expect(page.locator(id)).toHaveValue(PASSPHRASE);
  }

  await page.locator('.step-list .step-link').nth(1).click();
  await expect(page.locator('#profile-power')).toBeChecked();
  await expect(title).toHaveText('Valitse profiili');
  await page.locator(NEXT).click();
  await page.locator('#app-search').waitFor();
  expect(await page.locator('.app-list input[type=checkbox]:checked').evaluateAll((els) => els.map((e) => e.id))).toEqual(apps);
  await page.locator(NEXT).click();
  await expect(page.locator('#passphrase')).toHaveValue(PASSPHRASE);
});

test('reviewer view: keys and pseudo-locale over the chosen language, then back', async ({ wizard }) => {
  const { page } = wizard;
  const title = page.locator('h1');
  await page.locator('input[name=language][value=fr]').check();
  await expect(title).toHaveText('Bienvenue dans Spectrum');
  await page.locator('#review-mode').selectOption('keys');
  await expect(title).toHaveText('welcome:title');
  await page.locator('#review-mode').selectOption('pseudo');
  await expect(title).toHaveText(/^\[Ŵéļçöṁé ţö Šþéçţŕûṁ .+\]$/u);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  await page.locator('#review-mode').selectOption('off');
  await expect(title).toHaveText('Bienvenue dans Spectrum');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});
