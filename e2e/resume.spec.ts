// The wizard is closed mid-way (a crash, a power cut of the first-boot VM) and a new one starts
// on the same state folder: every choice is back, secrets are asked for again, and a recovery
// key that was only shown is replaced by a new one (it was never saved anywhere).
import { test, expect } from './test-support/test';
import { opensWith } from './test-support/sandbox-state';
import { Wizard } from './pages/wizard';
import { expectProvisioned } from './test-support/expect-provisioned';
import { expectEarlierChoicesGoingBack, installToDone } from './test-support/flows';
import { savedWizardPage } from './test-support/saved-state';
import { OTHER_PASSPHRASE, PASSPHRASE } from './test-support/secrets';

test('@profiles @encryption restarting the wizard mid-way keeps the choices and asks for the secrets again', async ({
  ui,
  wizard,
  openWizard,
  sandbox,
  wizardStateDir,
}) => {
  await ui.welcome.chooseKeyboardLayout('fi');
  await ui.welcome.setAccessibility('Large text', true);
  await ui.welcome.next();
  await ui.profile.choose('Common');
  await ui.profile.next();
  await ui.apps.select('Email');
  await ui.apps.next();
  await ui.encryption.choosePassphrase(PASSPHRASE, { recoveryKey: true });
  await ui.encryption.next();
  const shownKey = await ui.recovery.readKey();
  await expect.poll(() => savedWizardPage(wizardStateDir), 'the wizard saves where it is').toBe('recovery');

  await wizard.close();
  const again = new Wizard((await openWizard()).page);

  // Back at the first page that needs a secret, saying why.
  await again.encryption.expectShown();
  await expect(again.encryption.resumeNotice).toBeVisible();
  await expect(again.encryption.passphraseMethod).toBeChecked();
  await expect(again.encryption.recoveryKeyWanted).toBeChecked();
  await again.encryption.expectPassphraseFieldsEmpty();

  // Every earlier choice is as it was.
  await expectEarlierChoicesGoingBack(again, {
    profile: 'Common',
    apps: ['Web browser', 'Text editor', 'Terminal', 'Email'],
    keyboardLayout: 'fi',
    switches: { 'Large text': true },
  });

  for (const page of [again.welcome, again.profile, again.apps]) await page.next();
  await again.encryption.choosePassphrase(OTHER_PASSPHRASE);
  await again.encryption.next();
  const newKey = await again.recovery.confirmKey();
  expect(newKey, 'a new recovery key: the one shown before was never saved').not.toBe(shownKey);
  await again.recovery.next();
  await installToDone(again);

  expectProvisioned(
    { sandboxDir: sandbox.dir, wizardStateDir },
    {
      profile: 'common',
      apps: ['browser', 'editor', 'terminal', 'mail'],
      locale: 'en',
      keyboard: { layout: 'fi', variant: '' },
      encryption: { method: 'passphrase', passphrase: OTHER_PASSPHRASE },
      recoveryKey: newKey,
      accessibility: { highContrast: false, largeText: true, reduceMotion: false, screenReader: false },
    },
  );
  expect(opensWith(sandbox.dir, PASSPHRASE), 'the passphrase typed before the restart was never used').toBe(false);
  expect(opensWith(sandbox.dir, shownKey), 'nor the recovery key shown before the restart').toBe(false);
});
