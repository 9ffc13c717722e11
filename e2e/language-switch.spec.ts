// Switching the language in the middle of the wizard keeps everything chosen and typed so far,
// whether from Welcome's list or live from the header on any page before Install; and the
// reviewers' view switch (offered in the preview) shows keys or the pseudo-locale over the
// language. (Translations themselves are the localization suite's, e2e/l10n/.)
import { test, expect } from './test-support/test';
import { fillSecret } from './test-support/hidden-input';
import { expectProvisioned } from './test-support/expect-provisioned';
import { installToDone } from './test-support/flows';
import { PASSPHRASE } from './test-support/secrets';
import { NEXT } from '../scripts/l10n/walk';

test('@l10n switching language mid-way keeps choices and typed secrets', async ({ ui, sandbox, wizardStateDir }) => {
  await ui.welcome.chooseKeyboardLayout('us(intl)');
  await ui.welcome.next();
  await ui.profile.choose('Power');
  await ui.profile.next();
  await ui.apps.select('Files');
  await ui.apps.next();
  await ui.encryption.choosePassphrase(PASSPHRASE, { recoveryKey: false });

  await ui.steps.goTo('Welcome');
  const html = ui.page.locator('html');
  // Language radios are named in their own language, whatever the page's language is.
  for (const [language, lang, dir] of [
    ['Suomi', 'fi', 'ltr'],
    ['العربية', 'ar', 'rtl'],
    ['English', 'en', 'ltr'],
  ] as const) {
    await ui.welcome.chooseLanguage(language);
    await expect(html).toHaveAttribute('lang', lang);
    await expect(html).toHaveAttribute('dir', dir);
  }
  // A layout the person chose is theirs: it did not follow the languages.
  await expect(ui.welcome.keyboardLayout).toHaveValue('us(intl)');

  await ui.welcome.next();
  await ui.profile.expectChosen('Power');
  await ui.profile.next();
  await ui.apps.expectSelected(['Web browser', 'NixOS', 'Text editor', 'Terminal', 'Files']);
  await ui.apps.next();
  await ui.encryption.expectPassphraseFieldsHold(PASSPHRASE);
  await ui.encryption.next();
  await installToDone(ui);
  expectProvisioned(
    { sandboxDir: sandbox.dir, wizardStateDir },
    {
      profile: 'power',
      apps: ['browser', 'nixos', 'editor', 'terminal', 'files'],
      locale: 'en',
      keyboard: { layout: 'us', variant: 'intl' },
      encryption: { method: 'passphrase', passphrase: PASSPHRASE },
      recoveryKey: null,
    },
  );
});

test.describe('from the header, and the reviewer view', () => {
  // Controls are found by id and structure, since the language changes under the test.
  // Language is the renderer's business: the browser preview runs it; Electron adds nothing here.
  test.skip(({ runtime }) => runtime === 'electron', 'browser preview only');

  test('@l10n live language switch keeps choices and typed secrets', async ({ wizard }) => {
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

    for (const [code, heading] of [
      ['de', 'Ihre Daten verschlüsseln'],
      ['ar', 'شفّر بياناتك'],
      ['fi', 'Salaa tietosi'],
    ] as const) {
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
    await expect
      .poll(() => page.locator('.app-list input[type=checkbox]:checked').evaluateAll((els) => els.map((e) => e.id)))
      .toEqual(apps);
    await page.locator(NEXT).click();
    await expect(page.locator('#passphrase')).toHaveValue(PASSPHRASE);
  });

  test('@l10n reviewer view: keys and pseudo-locale over the chosen language, then back', async ({ wizard }) => {
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
});
