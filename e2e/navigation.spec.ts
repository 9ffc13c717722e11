// Moving around never loses a choice: Back from every page finds each value as it was left,
// the summary's "Change" links lead back to the summary, and a security key set up stays set up.
import { test, expect } from './test-support/test';
import { expectProvisioned } from './test-support/expect-provisioned';
import { expectEarlierChoicesGoingBack, installToDone } from './test-support/flows';
import { PASSPHRASE, SIMULATED_KEY, SIMULATED_PIN } from './test-support/secrets';

test('@profiles @encryption Back from every page keeps every value', async ({ ui, sandbox, wizardStateDir }) => {
  await ui.welcome.chooseKeyboardLayout('de');
  await ui.welcome.setAccessibility('Reduce motion', true);
  await ui.welcome.setAccessibility('Screen reader', true);
  await ui.welcome.next();
  await ui.profile.choose('Common');
  await ui.profile.next();
  await ui.apps.deselect('Terminal');
  await ui.apps.select('Email');
  await ui.apps.select('Chat');
  await ui.apps.next();
  await ui.encryption.choosePassphrase(PASSPHRASE, { recoveryKey: true });
  await ui.encryption.next();
  const recoveryKey = await ui.recovery.confirmKey();
  const typedGroup = await ui.recovery.confirmField.inputValue();
  await ui.recovery.next();
  await ui.summary.expectShown();

  await ui.summary.back();
  await ui.recovery.expectShown();
  expect(await ui.recovery.readKey(), 'the same recovery key').toBe(recoveryKey);
  await expect(ui.recovery.confirmField).toHaveValue(typedGroup);

  await ui.recovery.back();
  await ui.encryption.expectShown();
  await expect(ui.encryption.passphraseMethod).toBeChecked();
  await ui.encryption.expectPassphraseFieldsHold(PASSPHRASE);
  await expect(ui.encryption.recoveryKeyWanted).toBeChecked();

  await expectEarlierChoicesGoingBack(ui, {
    profile: 'Common',
    apps: ['Web browser', 'Text editor', 'Email', 'Chat'],
    keyboardLayout: 'de',
    switches: { 'Reduce motion': true, 'Screen reader': true, 'High contrast': false },
  });
  await ui.welcome.expectLanguage('English');

  // Forward again with Next alone: every page still passes as it was left.
  for (const page of [ui.welcome, ui.profile, ui.apps, ui.encryption, ui.recovery]) {
    await page.expectShown();
    await page.next();
  }
  await ui.summary.expectShown();
  await expect(ui.summary.item('Profile')).toHaveText('Common');
  await installToDone(ui);
  expectProvisioned(
    { sandboxDir: sandbox.dir, wizardStateDir },
    {
      profile: 'common',
      apps: ['browser', 'editor', 'mail', 'chat'],
      locale: 'en',
      keyboard: { layout: 'de', variant: '' },
      encryption: { method: 'passphrase', passphrase: PASSPHRASE },
      recoveryKey,
      accessibility: { highContrast: false, largeText: false, reduceMotion: true, screenReader: true },
    },
  );
});

test("@profiles the summary's Change links lead back to the summary with the change made", async ({ ui }) => {
  await ui.welcome.next();
  await ui.profile.choose('Minimal');
  await ui.profile.next();
  await ui.apps.next();
  await ui.encryption.choosePassphrase(PASSPHRASE, { recoveryKey: false });
  await ui.encryption.next();
  await ui.summary.expectShown();
  await expect(ui.summary.item('Recovery key')).toHaveText('No');

  await ui.summary.change('Change profile and apps');
  await ui.profile.expectChosen('Minimal');
  await ui.profile.choose('Power');
  await ui.profile.next();
  await ui.summary.expectShown();
  await expect(ui.summary.item('Profile')).toHaveText('Power');
  await expect(ui.summary.item('VMs')).toContainText('NixOS');

  await ui.summary.change('Change language and keyboard');
  await ui.welcome.chooseKeyboardLayout('fi');
  await ui.welcome.next();
  await ui.summary.expectShown();
  await expect(ui.summary.item('Keyboard')).toHaveText('Finnish');

  await ui.summary.change('Change encryption');
  await ui.encryption.expectPassphraseFieldsHold(PASSPHRASE);
  await ui.encryption.recoveryKeyWanted.check();
  await ui.encryption.next();
  // A recovery key now has to be made and confirmed before the summary.
  await ui.recovery.expectShown();
  await ui.recovery.confirmKey();
  await ui.recovery.next();
  await ui.summary.expectShown();
  await expect(ui.summary.item('Recovery key')).toHaveText('Yes, the one you wrote down');
});

test('@encryption a security key set up stays set up across Back and Next', async ({ ui }) => {
  await ui.welcome.next();
  await ui.profile.choose('Minimal');
  await ui.profile.next();
  await ui.apps.next();
  await ui.encryption.chooseSecurityKeyAndSetUp(SIMULATED_KEY.withPin, SIMULATED_PIN);
  await ui.encryption.next();
  const recoveryKey = await ui.recovery.readKey();
  await ui.recovery.back();
  await ui.encryption.expectShown();
  await expect(ui.encryption.securityKeyMethod).toBeChecked();
  await ui.encryption.expectSecurityKeyReady(SIMULATED_KEY.withPin);
  await ui.encryption.back();
  await ui.apps.next();
  await ui.encryption.next();
  await ui.recovery.expectShown();
  expect(await ui.recovery.readKey(), 'the same recovery key').toBe(recoveryKey);
  await ui.recovery.confirmKey();
  await ui.recovery.next();
  await expect(ui.summary.item('Unlock with')).toHaveText(`Security key: ${SIMULATED_KEY.withPin}`);
});
