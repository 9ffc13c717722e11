// An organization's answers file that makes a USB stick the key and names the stick by its
// label (docs/protocol.md §12.1): with the stick plugged in, first boot reaches Done with no
// input and the key file is on that stick, while another stick beside it is left as it was;
// without it, the run stops on the encryption page and says why, and the other stick cannot be
// chosen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openEscrow, readEscrowPrivateKey } from '../host/answers/escrow';
import { stickFileHashes, stickKeyFile } from '../host/test-support/sticks';
import { luksUuid, opensWith, receivedPlan, tokensOfType } from './test-support/sandbox-state';
import { expect, test } from './test-support/test';
import { expectAccessible } from './test-support/a11y';
import { ANSWERS_APPS, englishAnswers } from './test-support/answers-yaml';
import { expectProvisioned } from './test-support/expect-provisioned';
import { diskFacts } from './test-support/expect-untouched';

// The sticks carry the label in capitals, as mkfs.vfat writes it; the file may write any case.
const ANSWERS = englishAnswers('encryption: { method: usb-key, recoveryKey: true, usbStick: { label: spectrum-k } }');
const stickImage = (dir: string, name: string) => path.join(dir, 'usb', `${name}.img`);

test.describe('answers that name the USB stick for the key', () => {
  test.use({
    answers: { yaml: ANSWERS, escrow: true },
    sticks: { photos: { fsType: 'vfat', label: 'PHOTOS' }, fleet: { fsType: 'vfat', label: 'SPECTRUM-K' } },
  });

  test('@answers unattended: the key file goes on the named stick, the other stick is untouched, and Done needs no input', async ({
    ui,
    sandbox,
    organization,
    wizardStateDir,
  }) => {
    const photos = stickImage(sandbox.dir, 'photos');
    const before = stickFileHashes(photos, 'vfat');
    await ui.page.locator('.done-list').waitFor({ timeout: 90_000 });

    const plan = receivedPlan(sandbox.dir) as unknown as { encryption: { usbKey: { stick: string } } };
    expect(plan.encryption.usbKey.stick).toBe('usb/fleet.img');
    const [token] = tokensOfType(sandbox.dir, 'spectrum-usb-key') as unknown as { path: string }[];
    expect(stickKeyFile(stickImage(sandbox.dir, 'fleet'), 'vfat', token!.path)).toHaveLength(64);
    expect(stickFileHashes(photos, 'vfat'), 'the stick the answers do not name is as it was').toEqual(before);

    const uuid = luksUuid(sandbox.dir);
    const escrow = readFileSync(path.join(sandbox.dir, 'answers', `${uuid}.escrow.json`), 'utf8');
    const { recoveryKey } = await openEscrow(escrow, readEscrowPrivateKey(organization!.escrowKeyFile));
    expect(opensWith(sandbox.dir, recoveryKey), 'the escrowed recovery key opens the volume').toBe(true);
    expectProvisioned(
      { sandboxDir: sandbox.dir, wizardStateDir },
      {
        profile: 'common',
        apps: ANSWERS_APPS,
        locale: 'en',
        keyboard: { layout: 'us', variant: '' },
        encryption: { method: 'usb-key' },
        recoveryKey,
        accessibility: { highContrast: false, largeText: false, reduceMotion: false, screenReader: false },
      },
    );
  });
});

test.describe('answers that name a USB stick that is not plugged in', () => {
  test.use({ answers: { yaml: ANSWERS, escrow: true }, sticks: { photos: { fsType: 'vfat', label: 'PHOTOS' } } });

  test('@answers the run stops on the encryption page and says why; another stick cannot be chosen', async ({ ui, sandbox }) => {
    const { page } = ui;
    const photos = stickImage(sandbox.dir, 'photos');
    const before = stickFileHashes(photos, 'vfat');
    await expect(
      page.getByRole('alert').filter({ hasText: 'The USB stick named for the key was not found. Plug it in, then choose it below.' }),
    ).toBeVisible({ timeout: 60_000 });
    await expect(ui.encryption.usbDrive('PHOTOS')).toBeDisabled();
    await expect(page.getByText('Example Fleet IT named another USB stick for the key.')).toBeVisible();
    // The organization fixed the method: nothing offers another one.
    await expect(page.getByRole('button', { name: 'Use a passphrase instead' })).toHaveCount(0);
    await expectAccessible(page, 'encryption, the stick the answers name is missing');
    expect(diskFacts(sandbox.dir).blkid.TYPE, 'nothing was installed').toBeUndefined();
    expect(stickFileHashes(photos, 'vfat')).toEqual(before);
  });
});
