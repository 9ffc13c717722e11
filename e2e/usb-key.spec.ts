// A USB stick as the key, through the browser preview and the real sandbox helper: the sticks
// plugged in (image files in the sandbox's usb/ folder) are listed with label, size, maker and
// file system; a stick without a file system cannot be picked and says why; the install writes
// the key file on the chosen stick without touching the person's files; and at the next boot
// the unlock program opens the data with the stick, or with the recovery key without it.
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { makeStick, stickFileHashes } from '../host/test-support/sticks';
import { runUnlockCli } from '../host/test-support/unlock-cli';
import { test, expect } from './test-support/test';
import { receivedPlan, tokensOfType } from './test-support/sandbox-state';
import { expectAccessible } from './test-support/a11y';
import { expectProvisioned } from './test-support/expect-provisioned';
import { expectedFrom, installToDone, walkToSummary, type WizardChoices } from './test-support/flows';

const OPENED = 'Unlocked (sandbox: without device-mapper, the key was checked with cryptsetup open --test-passphrase).';

test('@encryption a USB stick as the key: listed, enrolled with its files untouched, and it opens the data at boot', async ({
  ui,
  sandbox,
  wizardStateDir,
}) => {
  const stick = makeStick(sandbox.dir, 'kingston', 'vfat', 'KEYSTICK');
  makeStick(sandbox.dir, 'blank', 'none', '');
  const before = stickFileHashes(stick, 'vfat');
  const choices: WizardChoices = { profile: 'minimal', encryption: { method: 'usb-key', stick: 'KEYSTICK' } };

  const { recoveryKey } = await walkToSummary(ui, choices, async (screen) => {
    if (!screen.startsWith('encryption')) return;
    const blank = ui.encryption.usbDrive('blank');
    await expect(blank, 'a stick without a file system cannot be picked').toBeDisabled();
    await expect(ui.page.getByText('It has no file system. Setup never formats a stick, so it cannot hold the key.')).toBeVisible();
    await expect(ui.encryption.usbDrive('KEYSTICK')).toHaveAccessibleName('KEYSTICK 42 MB · Sandbox kingston · vfat');
    await expectAccessible(ui.page, 'encryption with USB sticks listed');
  });
  expect(recoveryKey, 'a USB key always comes with a recovery key').not.toBeNull();
  await expect(ui.summary.item('Unlock with')).toHaveText('USB stick: KEYSTICK');
  await installToDone(ui);

  expectProvisioned({ sandboxDir: sandbox.dir, wizardStateDir }, expectedFrom(choices, recoveryKey));
  expect(receivedPlan(sandbox.dir).encryption).toMatchObject({ method: 'usb-key', usbKey: { stick: 'usb/kingston.img', fsType: 'vfat' } });
  expect(tokensOfType(sandbox.dir, 'spectrum-usb-key')).toHaveLength(1);
  expect(stickFileHashes(stick, 'vfat'), "the person's files on the stick are unchanged").toEqual(before);

  const withStick = await runUnlockCli(['--sandbox', sandbox.dir, '--attempt-delay-ms', '0'], null);
  expect(withStick.stdout).toContain('Reading the key file on the USB stick KEYSTICK…');
  expect(withStick.stdout).toContain(OPENED);
  expect(withStick.code).toBe(0);

  mkdirSync(path.join(sandbox.dir, 'drawer'));
  renameSync(stick, path.join(sandbox.dir, 'drawer', 'kingston.img'));
  const withoutStick = await runUnlockCli(['--sandbox', sandbox.dir, '--attempt-delay-ms', '0'], [recoveryKey!]);
  expect(withoutStick.stdout).toContain('The USB stick with the key is not plugged in.');
  expect(withoutStick.stdout).toContain(OPENED);
  expect(withoutStick.code).toBe(0);
});

test('@encryption no stick plugged in: the page says so, offers the passphrase, and Next names what is missing', async ({ ui }) => {
  await ui.welcome.expectShown();
  await ui.welcome.next();
  await ui.profile.choose('Minimal');
  await ui.profile.next();
  await ui.apps.next();
  await ui.encryption.expectShown();
  await ui.encryption.chooseUsbKey();
  await expect(ui.page.getByRole('status').filter({ hasText: 'No USB stick found' })).toBeVisible();
  await ui.encryption.next();
  await expect(ui.page.getByText('Choose the USB stick for the key.').first()).toBeVisible();
  await expectAccessible(ui.page, 'encryption, USB chosen, no stick');
  await ui.encryption.usePassphraseInstead();
  await expect(ui.encryption.passphraseMethod).toBeChecked();
});
