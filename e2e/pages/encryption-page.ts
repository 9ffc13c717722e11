// Encryption: a passphrase (typed, then confirmed by the rehearsal as at startup), a FIDO2
// security key, or a USB stick as a key.
import { expect, type Locator } from '@playwright/test';
import { WizardStepScreen } from './screen';
import { fillSecret } from '../test-support/hidden-input';

export interface PassphraseEntry {
  passphrase: string;
  /** What is typed at the unlock rehearsal; default: the passphrase. */
  rehearsal?: string;
}

export class EncryptionPage extends WizardStepScreen {
  protected readonly title = 'Encrypt your data';

  get passphraseMethod(): Locator {
    return this.page.getByRole('radio', { name: 'Passphrase', exact: true });
  }

  get securityKeyMethod(): Locator {
    return this.page.getByRole('radio', { name: 'Security key (FIDO2)', exact: true });
  }

  // Password fields have no ARIA role: they are found by their label.
  get passphraseField(): Locator {
    return this.page.getByLabel('New passphrase', { exact: true });
  }

  get rehearsalField(): Locator {
    return this.page.getByLabel('Passphrase, as at startup', { exact: true });
  }

  get recoveryKeyWanted(): Locator {
    return this.page.getByRole('checkbox', { name: 'Also make a recovery key' });
  }

  /** Chooses the passphrase method and types it twice: entry and rehearsal (or as `entry` says). */
  async choosePassphrase(entry: string | PassphraseEntry, options: { recoveryKey?: boolean } = {}): Promise<void> {
    const e = typeof entry === 'string' ? { passphrase: entry } : entry;
    await this.passphraseMethod.check();
    await fillSecret(this.passphraseField, e.passphrase, 'the passphrase');
    await fillSecret(this.rehearsalField, e.rehearsal ?? e.passphrase, 'the unlock rehearsal');
    if (options.recoveryKey !== undefined) await this.recoveryKeyWanted.setChecked(options.recoveryKey);
  }

  /**
   * The meter shows the estimate of what the field holds: it grows as the estimate arrives, so
   * what lies below it moves until then (a slow machine takes a while to estimate).
   */
  async expectStrengthShown(): Promise<void> {
    await expect(this.page.locator('#passphrase-strength')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  }

  /** The passphrase fields are empty (after a restart: secrets are never saved). */
  async expectPassphraseFieldsEmpty(): Promise<void> {
    for (const field of [this.passphraseField, this.rehearsalField]) await expect(field).toHaveValue('');
  }

  async expectPassphraseFieldsHold(passphrase: string): Promise<void> {
    for (const field of [this.passphraseField, this.rehearsalField]) await expect(field).toHaveValue(passphrase);
  }

  async showPassphrase(): Promise<void> {
    await this.button('Show New passphrase').click();
  }

  get strength(): Locator {
    return this.page.getByText(/^Strength: /);
  }

  async changeKeyboardLayout(): Promise<void> {
    await this.button('Change keyboard layout').click();
  }

  /** "Setup was restarted …": shown when the wizard resumed and secrets must be typed again. */
  get resumeNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'secrets are never saved' });
  }

  // USB stick as a key

  get usbKeyMethod(): Locator {
    return this.page.getByRole('radio', { name: 'USB stick as a key', exact: true });
  }

  async chooseUsbKey(): Promise<void> {
    await this.usbKeyMethod.check();
  }

  /** A listed stick, by the start of its name (label, else model). */
  usbDrive(name: string): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(name)}\\b`) });
  }

  /** Chooses the USB method and the stick `name` (it must be able to take a key file). */
  async chooseUsbKeyOn(name: string): Promise<void> {
    await this.chooseUsbKey();
    await this.usbDrive(name).check();
    await expect(this.page.getByRole('status').filter({ hasText: `the key file is written to ${name}` })).toBeVisible();
  }

  // FIDO2 security key

  async chooseSecurityKey(): Promise<void> {
    await this.securityKeyMethod.check();
  }

  device(name: string): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(name)}`) });
  }

  async selectDevice(name: string): Promise<void> {
    await this.device(name).check();
  }

  async refreshDevices(): Promise<void> {
    await this.button('Refresh').click();
  }

  get pinField(): Locator {
    return this.page.getByLabel('Security key PIN', { exact: true });
  }

  async enterPin(pin: string): Promise<void> {
    await fillSecret(this.pinField, pin, 'the security key PIN');
  }

  async setUpSecurityKey(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Set up security key|Set up again)$/ }).click();
  }

  /** "Touch your security key now.", while a key waits for a touch. */
  get touchPrompt(): Locator {
    return this.page.getByText('Touch your security key now.');
  }

  async expectSecurityKeyReady(deviceName: string): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: `Security key ready: ${deviceName}` })).toBeVisible();
  }

  async testSecurityKey(): Promise<void> {
    await this.button('Test security key').click();
    await expect(this.page.getByText('The key works.')).toBeVisible();
  }

  /** The error notice of the last security-key action (wrong PIN, key removed, …). */
  get securityKeyError(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Use a passphrase instead' });
  }

  async usePassphraseInstead(): Promise<void> {
    await this.button('Use a passphrase instead').first().click();
  }

  /** Sets up the simulated key `deviceName`, with its PIN when it has one, and tests it. */
  async chooseSecurityKeyAndSetUp(deviceName: string, pin?: string): Promise<void> {
    await this.chooseSecurityKey();
    await this.selectDevice(deviceName);
    if (pin !== undefined) await this.enterPin(pin);
    await this.setUpSecurityKey();
    await this.expectSecurityKeyReady(deviceName);
    await this.testSecurityKey();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
