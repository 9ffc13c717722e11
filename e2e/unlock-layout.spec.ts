// The keyboard layout is also the one the passphrase is typed with at the unlock prompt, so only
// layouts that prompt can load (a console keymap that ships with the system) are offered. Where
// the layout cannot type the recovery key's Latin letters, the Recovery page says so.
import { test, expect } from './test-support/test';
import { fillSecret } from './test-support/hidden-input';
import { passphraseUnderLayout } from './test-support/layout-walk';
import { NEXT } from '../scripts/l10n/walk';

test.skip(({ runtime }) => runtime === 'electron', 'browser preview only');

/** Typeable with the Russian layout, strong enough for the estimator. */
const CYRILLIC_PASSPHRASE = 'зелёный трактор зонтик 42 ключ';

test('@encryption no layout without a console keymap is offered; Arabic suggests one that has', async ({ wizard }) => {
  const { page } = wizard;
  await expect(page.locator('#keyboard-layout option[value="us"]')).toHaveCount(1);
  await expect(page.locator('#keyboard-layout option[value="ara"]')).toHaveCount(0);
  await page.locator('input[name=language][value="ar"]').check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('#keyboard-layout')).toHaveValue('us');
});

test('@encryption the Recovery page warns when the unlock layout cannot type the recovery key', async ({ wizard }) => {
  const { page } = wizard;
  await passphraseUnderLayout(page, 'ru', CYRILLIC_PASSPHRASE);
  await page.locator(NEXT).click();
  await expect(page.locator('#recovery-confirm')).toBeVisible();
  await expect(page.locator('#recovery-layout-warning')).toBeVisible();
  await expect(page.locator('#recovery-layout-warning')).toContainText('Russian');
});

test('@encryption no warning on the Recovery page for a Latin layout', async ({ wizard }) => {
  const { page } = wizard;
  await page.locator(NEXT).click();
  await page.locator('#profile-minimal').check();
  await page.locator(NEXT).click();
  await page.locator(NEXT).click();
  await page.locator('#method-passphrase').check();
  const p = 'violet anchor meadow 42 lantern';
  await fillSecret(page.locator('#passphrase'), p, 'the passphrase');
  await fillSecret(page.locator('#rehearsal'), p, 'the unlock rehearsal');
  await page.locator(NEXT).click();
  await expect(page.locator('#recovery-confirm')).toBeVisible();
  await expect(page.locator('#recovery-layout-warning')).toHaveCount(0);
});
