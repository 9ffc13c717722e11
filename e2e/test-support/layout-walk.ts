// The keyboard-layout scenarios' way to Encryption: a layout chosen on Welcome, the Minimal
// profile, the apps as they are, and a passphrase typed under that layout in both fields.
import type { Page } from '@playwright/test';
import { NEXT } from '../../scripts/l10n/walk';
import { fillSecret } from './hidden-input';

export async function passphraseUnderLayout(page: Page, layout: string, passphrase: string): Promise<void> {
  await page.locator('#keyboard-layout').selectOption(layout);
  await page.locator(NEXT).click();
  await page.locator('#profile-minimal').check();
  await page.locator(NEXT).click();
  await page.locator(NEXT).click();
  await page.locator('#method-passphrase').check();
  await fillSecret(page.locator('#passphrase'), passphrase, 'the passphrase');
  await fillSecret(page.locator('#rehearsal'), passphrase, 'the unlock rehearsal');
}
