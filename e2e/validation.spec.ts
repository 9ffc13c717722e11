// Invalid input on every page blocks Next with a visible explanation, and the page stays
// accessible while it says so (axe on each error state).
import { test, expect } from './test-support/test';
import { expectAccessible } from './test-support/a11y';
import { PASSPHRASE, SIMULATED_KEY, SIMULATED_PIN } from './test-support/secrets';
import type { Wizard } from './pages/wizard';

async function toEncryption(ui: Wizard): Promise<void> {
  await ui.welcome.next();
  await ui.profile.choose('Minimal');
  await ui.profile.next();
  await ui.apps.next();
  await ui.encryption.expectShown();
}

test('@profiles @a11y Profile and Apps refuse Next until the profile rules are met', async ({ ui }) => {
  await ui.welcome.next();
  // The recommended profile is preselected, so Next works at once.
  await ui.profile.expectChosen('Common');
  await expectAccessible(ui.page, 'profile, Common preselected');
  await ui.profile.next();

  // Too few apps besides the browser.
  await ui.apps.deselect('Terminal');
  await ui.apps.expectNextBlockedBy('Choose at least 2 apps besides the browser (now 1).');
  await expect(ui.page.getByRole('listitem').filter({ hasText: 'other apps: 1 chosen' })).toContainText('(rule not met)');
  await expectAccessible(ui.page, 'apps, too few apps');

  // Too many cannot be chosen: past the maximum the rest lock, and say why.
  await ui.apps.select('Email');
  await ui.apps.select('Chat');
  await ui.apps.expectLocked('Files');
  await expect(ui.page.getByText('You have chosen the most apps allowed (3 besides the browser).').first()).toBeVisible();
  // The browser belongs to Common; NixOS to Power only.
  await ui.apps.expectLocked('Web browser');
  await ui.apps.expectLocked('NixOS');
  await expectAccessible(ui.page, 'apps, at the maximum');

  await ui.apps.switchToPower();
  await ui.apps.expectProfile('Power');
  await expect(ui.apps.app('NixOS')).toBeChecked();
  await ui.apps.chooseProfile('Minimal');
  await expect(ui.apps.minimalNotice).toBeVisible();
  await expect(ui.apps.app('Email'), 'Minimal lists no apps to lock').toHaveCount(0);
  await ui.apps.switchToCommon();
  await ui.apps.expectSelected(['Web browser', 'Text editor', 'Email', 'Chat']);
  await ui.apps.next();
  await ui.encryption.expectShown();
});

test('@encryption @a11y passphrase and recovery-key rules block Next with their reasons', async ({ ui }) => {
  await toEncryption(ui);
  await ui.encryption.expectNextBlockedBy('Choose how to unlock your data.');

  await ui.encryption.choosePassphrase('short');
  await ui.encryption.expectNextBlockedBy('The passphrase needs at least 8 characters.');
  await expect(ui.encryption.passphraseField).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(ui.page, 'encryption, passphrase too short');

  await ui.encryption.choosePassphrase({ passphrase: PASSPHRASE, rehearsal: PASSPHRASE.toUpperCase() });
  await ui.encryption.expectNextBlockedBy('The unlock rehearsal does not match the passphrase.');

  // The unlock prompt types with the US layout: "ä" cannot be typed there.
  await ui.encryption.choosePassphrase(`${PASSPHRASE} ä`);
  await ui.encryption.expectNextBlockedBy(/can't be typed when the computer starts: ä/);
  await expectAccessible(ui.page, 'encryption, untypeable character');

  // A long enough but guessable passphrase is refused, with the strength meter saying why.
  await ui.encryption.choosePassphrase('password', { recoveryKey: true });
  await expect(ui.encryption.strength).toHaveText('Strength: very weak');
  await ui.encryption.expectNextBlockedBy('This passphrase is too easy to guess. Add more words or make it longer.');
  await ui.encryption.choosePassphrase(PASSPHRASE, { recoveryKey: true });
  await ui.encryption.next();

  await ui.recovery.expectShown();
  const key = await ui.recovery.readKey();
  const group = await ui.recovery.askedGroup();
  await ui.recovery.expectNextBlockedBy(`Type group ${group} of the recovery key.`);
  const anotherGroup = key.split('-')[group % 8]!;
  await ui.recovery.typeGroup(anotherGroup === key.split('-')[group - 1] ? 'cccccccc' : anotherGroup);
  await ui.recovery.expectNextBlockedBy(`That is not group ${group}. Check what you wrote down.`);
  await expectAccessible(ui.page, 'recovery key, wrong group');
  await ui.recovery.confirmKey();
  await ui.recovery.next();
  await ui.summary.expectShown();
});

test('@encryption @a11y security-key faults: not set up, PIN missing or wrong, key removed, no touch', async ({ ui }) => {
  await toEncryption(ui);
  await ui.encryption.chooseSecurityKey();
  await expect(ui.page.getByText('This is the sandbox preview: the security keys listed here are simulated.')).toBeVisible();
  await ui.encryption.selectDevice(SIMULATED_KEY.withPin);
  await ui.encryption.expectNextBlockedBy('Set up your security key first.');

  await ui.encryption.setUpSecurityKey();
  await expect(ui.encryption.securityKeyError).toContainText('This security key needs its PIN.');
  await ui.encryption.enterPin('000000');
  await ui.encryption.setUpSecurityKey();
  await expect(ui.encryption.securityKeyError).toContainText('The PIN is not right.');
  await expect(ui.encryption.pinField).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(ui.page, 'encryption, wrong PIN');

  await ui.encryption.selectDevice(SIMULATED_KEY.removed);
  await ui.encryption.setUpSecurityKey();
  await expect(ui.encryption.securityKeyError).toContainText('The security key was removed.');
  await ui.encryption.expectNextBlockedBy('Set up your security key first.');

  // A key nobody touches: the page asks for the touch, then says it was not touched in time.
  await ui.encryption.refreshDevices();
  await ui.encryption.selectDevice(SIMULATED_KEY.untouched);
  await ui.encryption.setUpSecurityKey();
  await expect(ui.encryption.touchPrompt).toBeVisible();
  await expectAccessible(ui.page, 'encryption, waiting for a touch');
  await expect(ui.encryption.securityKeyError).toContainText('The security key was not touched in time.', { timeout: 30_000 });

  await ui.encryption.selectDevice(SIMULATED_KEY.withPin);
  await ui.encryption.enterPin(SIMULATED_PIN);
  await ui.encryption.setUpSecurityKey();
  await ui.encryption.expectSecurityKeyReady(SIMULATED_KEY.withPin);
  await expectAccessible(ui.page, 'encryption, security key ready');
  await ui.encryption.next();
  await ui.recovery.expectShown();
});

test.describe('without any security key', () => {
  test.use({ simulatedFido2: false });

  test('@encryption @a11y no key plugged in: the page says so and offers the passphrase', async ({ ui }) => {
    await toEncryption(ui);
    await ui.encryption.chooseSecurityKey();
    await expect(ui.page.getByRole('status').filter({ hasText: 'No security key found' })).toBeVisible();
    await ui.encryption.expectNextBlockedBy('Set up your security key first.');
    await expectAccessible(ui.page, 'encryption, no security key');
    await ui.encryption.usePassphraseInstead();
    await expect(ui.encryption.passphraseMethod).toBeChecked();
  });
});

test.describe('without the FIDO2 tools', () => {
  test.use({ simulatedFido2: false, fido2Tools: false });

  test("@encryption no FIDO2 tools: the page says security keys can't be used and offers the passphrase", async ({ ui }) => {
    await toEncryption(ui);
    await ui.encryption.chooseSecurityKey();
    await expect(ui.page.getByRole('alert').filter({ hasText: "Security keys can't be used here" })).toBeVisible();
    await ui.encryption.expectNextBlockedBy('Set up your security key first.');
    await ui.encryption.usePassphraseInstead();
    await expect(ui.encryption.passphraseMethod).toBeChecked();
  });
});
