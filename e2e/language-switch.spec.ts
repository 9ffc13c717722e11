// Switching the language in the middle of the wizard keeps everything chosen and typed so far.
// (Translations themselves are the localization suite's, e2e/l10n/.)
import { test, expect } from './fixtures/test';
import { expectProvisioned } from './support/expect-provisioned';
import { installToDone } from './support/flows';
import { PASSPHRASE } from './support/secrets';

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
  for (const [language, lang, dir] of [['Suomi', 'fi', 'ltr'], ['العربية', 'ar', 'rtl'], ['English', 'en', 'ltr']] as const) {
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
