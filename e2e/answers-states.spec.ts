// The answers file's other states in the wizard, each checked with axe: a refused file (said on
// Welcome, every question asked), an unattended run that stops for a person (several security
// keys), and the fixed sections on a partly fixed Welcome page.
import { expect, test } from './test-support/test';
import { expectAccessible } from './test-support/a11y';
import { englishAnswers } from './test-support/answers-yaml';

test.describe('a refused answers file', () => {
  // An unknown field: a file this version cannot fully understand is not used at all.
  test.use({ answers: { yaml: englishAnswers('wallpaper: blue') } });

  test('@answers @a11y the wizard says why, and asks every question', async ({ ui }) => {
    await ui.welcome.expectShown();
    const alert = ui.page.getByRole('alert').filter({ hasText: 'The setup answers file was not used' });
    await expect(alert).toContainText('a setting this version does not know');
    await expect(ui.page.locator('input[name=language]').first()).toBeVisible();
    await expect(ui.page.locator('.set-by')).toHaveCount(0);
    await expectAccessible(ui.page, 'welcome with a refused answers file');
  });
});

test.describe('an unattended run with more than one security key', () => {
  test.use({ answers: { yaml: englishAnswers('encryption: { method: fido2, recoveryKey: true }'), escrow: true } });

  test('@answers @a11y stops on the encryption page and says why; the person sets the key up and installs', async ({ ui }) => {
    const alert = ui.page.getByRole('alert').filter({ hasText: 'Setup needs you' });
    await expect(alert).toContainText('More than one security key was found');
    await expect(ui.page.locator('#method')).toContainText('Set by Example Fleet IT');
    await expect(ui.page.locator('#method-passphrase')).toHaveCount(0);
    await expectAccessible(ui.page, 'encryption after an unattended run stopped');
    await ui.page.locator('label.device', { hasText: 'no PIN' }).locator('input').check();
    await ui.page.locator('#fido2-enroll').click();
    await ui.page.locator('.notice-success').waitFor({ timeout: 30_000 });
    await ui.encryption.next();
    // The recovery key is escrowed: no recovery page, straight to the summary.
    await ui.summary.expectShown();
    await expectAccessible(ui.page, 'summary with every section set by the organization');
    await ui.summary.install();
    await expect(ui.done.heading).toBeVisible({ timeout: 60_000 });
    await expect(ui.page.getByText('Example Fleet IT keeps the recovery key')).toBeVisible();
  });
});

test.describe('a partly fixed Welcome page', () => {
  test.use({
    answers: {
      yaml: 'schema: 1\norganization: Example Fleet IT\nlocale: de\ninteractive: [keyboard]\nkeyboard: { layout: de, variant: "" }\n',
    },
  });

  test('@answers @a11y shows the language as set, and the keyboard and accessibility as choices', async ({ ui }) => {
    const page = ui.page;
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.locator('#language')).toContainText('Deutsch');
    await expect(page.locator('#language .set-by')).toContainText('Example Fleet IT');
    await expect(page.locator('input[name=language]')).toHaveCount(0);
    await expect(page.locator('#keyboard-layout')).toBeVisible();
    await expectAccessible(page, 'welcome with the language set by the organization');
  });
});
