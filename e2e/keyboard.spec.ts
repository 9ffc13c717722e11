// The whole wizard with the keyboard alone: no mouse, no clicks, only Tab, Shift+Tab, Space,
// Enter, arrow keys and typing, through to Done.
import { test, expect } from './test-support/test';
import { expectProvisioned } from './test-support/expect-provisioned';
import { activate, tabTo } from './test-support/keyboard';
import { PASSPHRASE } from './test-support/secrets';
import { typeSecret } from './test-support/hidden-input';

test('@smoke @a11y a keyboard-only run reaches Done', async ({ ui, sandbox, wizardStateDir }) => {
  const { page } = ui;
  const keys = page.keyboard;

  await ui.welcome.expectShown();
  await tabTo(page, ui.welcome.switch('High contrast'));
  await keys.press('Space');
  await expect(ui.welcome.switch('High contrast')).toBeChecked();
  await activate(page, ui.welcome.nextButton);

  await ui.profile.expectShown();
  // Common is preselected: Tab lands on it.
  await tabTo(page, ui.profile.profile('Common'));
  await expect(ui.profile.profile('Common')).toBeChecked();
  await activate(page, ui.profile.nextButton);

  await ui.apps.expectShown();
  await tabTo(page, ui.apps.app('Terminal'));
  await keys.press('Space');
  await tabTo(page, page.getByRole('searchbox', { name: 'Search apps' }), 'backward');
  await keys.type('mail');
  await tabTo(page, ui.apps.app('Email'));
  await keys.press('Space');
  await expect(ui.apps.app('Email')).toBeChecked();
  await activate(page, ui.apps.nextButton);

  await ui.encryption.expectShown();
  await tabTo(page, ui.encryption.passphraseMethod);
  await keys.press('Space');
  for (const field of [ui.encryption.passphraseField, ui.encryption.rehearsalField]) {
    await tabTo(page, field);
    await typeSecret(page, PASSPHRASE, 'the passphrase');
  }
  await activate(page, ui.encryption.nextButton);

  await ui.recovery.expectShown();
  const recoveryKey = await ui.recovery.readKey();
  const group = await ui.recovery.askedGroup();
  await tabTo(page, ui.recovery.confirmField);
  await typeSecret(page, recoveryKey.split('-')[group - 1]!, 'a recovery-key group');
  // Enter in the field submits the page, as Next does.
  await keys.press('Enter');

  await ui.summary.expectShown();
  await activate(page, ui.summary.installButton);
  await expect(ui.done.heading).toBeVisible({ timeout: 60_000 });
  await expect(ui.done.restartButton).toBeVisible();

  expectProvisioned(
    { sandboxDir: sandbox.dir, wizardStateDir },
    {
      profile: 'common',
      apps: ['browser', 'editor', 'mail'],
      locale: 'en',
      keyboard: { layout: 'us', variant: '' },
      encryption: { method: 'passphrase', passphrase: PASSPHRASE },
      recoveryKey,
      accessibility: { highContrast: true, largeText: false, reduceMotion: false, screenReader: false },
    },
  );
});
