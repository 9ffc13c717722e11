// The language and the keyboard layout are separate choices. Arrow keys move through the
// languages without re-translating the page at every press (the page's direction stays put, so
// arrows keep their meaning); the header's language menu never changes a layout the person chose
// or confirmed, and says which one the new language would suggest. Controls are found by id and
// structure, since the language changes under the test.
import { expect, test } from '../test-support/test';
import { expectFocusNotOnBody } from '../test-support/focus';
import { fillSecret } from '../test-support/hidden-input';
import { passphraseUnderLayout } from '../test-support/layout-walk';
import { NEXT } from '../../scripts/l10n/walk';
import { LANGUAGES } from '../../renderer/i18n/languages';

test.skip(({ runtime }) => runtime === 'electron', 'browser preview only');

const PASSPHRASE = 'violet anchor meadow 42 lantern';
const language = (code: string) => `input[name=language][value="${code}"]`;
/** The language `steps` places after `code` in the picker's list (the languages table's order). */
const after = (code: string, steps: number) => LANGUAGES[LANGUAGES.findIndex((l) => l.code === code) + steps]!.code;

test('@l10n @a11y arrow keys move through the languages; Space chooses one', async ({ wizard }) => {
  const { page } = wizard;
  const html = page.locator('html');
  // English, Deutsch, Español: two presses down pass Deutsch and land on Español.
  expect([after('en', 1), after('en', 2)]).toEqual(['de', 'es']);
  await page.locator(language('en')).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(language('es'))).toBeFocused();
  // Passing Deutsch and landing on Español switched nothing: not the page, not the keyboard.
  await expect(page.locator('#keyboard-layout')).toHaveValue('us');
  await expect(html).toHaveAttribute('lang', 'en');
  await page.keyboard.press('Space');
  await expect(html).toHaveAttribute('lang', 'es');
  await expect(page.locator('h1')).toHaveText('Te damos la bienvenida a Spectrum');
  await expect(page.locator('#keyboard-layout')).toHaveValue('es');
  await expect(page.locator(language('es'))).toBeFocused();
});

test('@l10n @a11y in Arabic the arrows keep one direction while moving', async ({ wizard }) => {
  const { page } = wizard;
  const html = page.locator('html');
  await page.locator(language('ar')).check();
  await expect(html).toHaveAttribute('dir', 'rtl');
  await page.locator(language('ar')).focus();
  // Right to left, → goes to the language before, twice: two languages up the list.
  const target = after('ar', -2);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(language(target))).toBeFocused();
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(html).toHaveAttribute('dir', 'rtl');
  // Leaving the group with Tab chooses the language that has focus.
  await page.keyboard.press('Tab');
  await expect(html).toHaveAttribute('lang', target);
});

test('@l10n the header language menu keeps the keyboard layout already confirmed', async ({ wizard }) => {
  const { page } = wizard;
  await page.locator(NEXT).click(); // Welcome: English, keyboard English (US), confirmed
  await page.locator('#profile-minimal').check();
  await page.locator(NEXT).click();
  await page.locator(NEXT).click(); // Apps
  await page.locator('#method-passphrase').check();
  await fillSecret(page.locator('#passphrase'), PASSPHRASE, 'the passphrase');
  await fillSecret(page.locator('#rehearsal'), PASSPHRASE, 'the unlock rehearsal');

  await page.locator('#header-language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('#unlock-layout')).toContainText('الإنجليزية (الولايات المتحدة)');
  await expect(page.locator('#passphrase-untypeable')).toHaveCount(0);

  // German would suggest its own layout: the page says so, and changes nothing by itself.
  await page.locator('#header-language').selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('#unlock-layout')).toContainText('Englisch (USA)');
  await expect(page.locator('#layout-suggestion')).toContainText('Deutsch');
  // Taking the suggestion changes the layout, and focus stays on the page as the offer goes.
  await page.locator('#layout-suggestion button').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#layout-suggestion')).toHaveCount(0);
  await expect(page.locator('#unlock-layout')).toContainText('Deutsch');
  await expectFocusNotOnBody(page, 'taking the suggested layout');

  await page.locator(NEXT).click();
  await expect(page.locator('#recovery-confirm')).toBeVisible();
});

test('@l10n @encryption checks on Encryption follow the layout: nothing says "right" when it cannot be typed', async ({ wizard }) => {
  const { page } = wizard;
  await passphraseUnderLayout(page, 'ru', PASSPHRASE);
  await expect(page.locator('#passphrase-untypeable')).toBeVisible();
  await expect(page.locator('.secret-section .field-ok')).toHaveCount(0);
});
