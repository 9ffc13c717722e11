// What the person sees of the Spectrum host before installing, in every language: VMs the host
// ships built in and ones it does not have yet, the disk and its layout before and after, the
// IOMMU warning (a warning, not a block), and a disk that holds data named on the failure page.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from './test-support/test';
import { LANGUAGES } from '../renderer/i18n/languages';
import { sandboxPrivileged } from '../host/sandbox/privileges';
import type { Wizard } from './pages/wizard';
import { installToDone, walkToSummary, type WizardChoices } from './test-support/flows';
import { localeText } from './test-support/locale-strings';
import { PASSPHRASE } from './test-support/secrets';

const CODES = LANGUAGES.map((l) => l.code);
// A layout of the person's own: it stays when the language changes (the passphrase is typed with it).
const CHOICES: WizardChoices = {
  keyboard: 'gb',
  profile: 'common',
  encryption: { method: 'passphrase', passphrase: PASSPHRASE, recoveryKey: false },
};

/** Checks the page in every language, then returns to English for the page objects. */
async function inEveryLanguage(ui: Wizard, check: (lang: string) => Promise<void>): Promise<void> {
  for (const lang of CODES) {
    await ui.switchLanguage(lang);
    await check(lang);
  }
  await ui.switchLanguage('en');
}

test.describe('a host that ships some VMs built in and lacks others', () => {
  test.use({ host: { missingApps: ['games'] } });

  test('@host @l10n built-in apps and missing ones on the Apps page and the Summary, in every language', async ({ ui }) => {
    await ui.welcome.chooseKeyboardLayout('gb');
    await ui.welcome.next();
    await ui.profile.choose('Common');
    await ui.profile.next();
    await ui.apps.expectShown();
    await inEveryLanguage(ui, async (lang) => {
      const item = (id: string) =>
        ui.page
          .getByRole('list', { name: localeText(lang, 'apps:listLabel') })
          .getByRole('listitem')
          .filter({ has: ui.page.getByRole('checkbox', { name: localeText(lang, `catalog:app.${id}.name`), exact: true }) });
      await expect(item('browser'), `${lang}: the browser ships with the host`).toContainText(localeText(lang, 'apps:builtIn'));
      await expect(item('games'), `${lang}: games are not on this system`).toContainText(localeText(lang, 'apps:notHere'));
    });
    await ui.apps.expectLocked('Games');
    // Apps the install writes keep their files unless the person says otherwise.
    await ui.apps.select('Email');
    await expect(ui.apps.keepsFiles('Email')).toBeChecked();
    await ui.apps.deselect('Email');
    await ui.apps.next();
    await ui.encryption.choosePassphrase(PASSPHRASE, { recoveryKey: false });
    await ui.encryption.next();
    await ui.summary.expectShown();
    await inEveryLanguage(ui, async (lang) => {
      await expect(
        ui.page.getByText(localeText(lang, 'summary:warn.missingVms.title')),
        `${lang}: GUI and USB VMs are not here yet`,
      ).toBeVisible();
    });
  });
});

test.describe('a host without an IOMMU', () => {
  test.use({ host: { iommu: false } });

  test('@host @l10n the Summary warns that the network VM needs an IOMMU, and Install stays open, in every language', async ({ ui }) => {
    await walkToSummary(ui, CHOICES);
    await inEveryLanguage(ui, async (lang) => {
      await expect(ui.page.getByText(localeText(lang, 'summary:warn.iommu.absent.title')), `${lang}: the IOMMU warning`).toBeVisible();
    });
    await expect(ui.summary.installButton).toBeEnabled();
  });
});

test.describe("the machine's whole disk", () => {
  test.skip(!sandboxPrivileged(), 'needs root and loop devices for DIR/disk.img');
  test.use({ host: { diskBytes: 8 * 1024 ** 3 } });

  test('@host @l10n the Summary names the disk and shows its layout before and after, in every language; Install adds the partition', async ({
    ui,
    sandbox,
  }) => {
    await walkToSummary(ui, CHOICES);
    const before = ui.page.getByRole('list', { name: 'On the disk now' });
    await inEveryLanguage(ui, async (lang) => {
      const onDisk = ui.page.getByRole('list', { name: localeText(lang, 'summary:item.layoutBefore') });
      const after = ui.page.getByRole('list', { name: localeText(lang, 'summary:item.layoutAfter') });
      await expect(ui.summary.item(localeText(lang, 'summary:item.disk')), `${lang}: the disk is named`).toContainText('disk.img');
      for (const role of ['esp', 'system', 'system-empty', 'free'])
        await expect(onDisk, `${lang}: ${role} before`).toContainText(localeText(lang, `summary:disk.role.${role}`));
      await expect(after.getByRole('listitem').last(), `${lang}: the new user-data area`).toContainText(
        localeText(lang, 'summary:disk.role.user-data'),
      );
      await expect(after.getByRole('listitem').last()).toContainText(localeText(lang, 'summary:disk.new'));
    });
    await expect(before.getByRole('listitem')).toHaveCount(6);
    await installToDone(ui);
    const table = JSON.parse(spawnSync('sfdisk', ['--json', path.join(sandbox.dir, 'disk.img')], { encoding: 'utf8' }).stdout) as {
      partitiontable: { partitions: { name: string }[] };
    };
    expect(table.partitiontable.partitions.map((p) => p.name)).toEqual([
      'ESP',
      'Spectrum_0.1.verity',
      'Spectrum_0.1',
      '_empty',
      '_empty',
      'spectrum-userdata',
    ]);
  });
});

test.describe('a disk that holds data', () => {
  test.use({ existingTarget: 'ext4' });

  for (const lang of CODES) {
    test(`@host @failure @l10n ${lang}: the failure names the disk and what is on it, and offers going back`, async ({ ui }) => {
      await walkToSummary(ui, CHOICES);
      await ui.switchLanguage(lang); // the last page where the language can change
      await ui.page.getByRole('button', { name: localeText(lang, 'summary:install'), exact: true }).click();
      await expect(ui.page.getByText(localeText(lang, 'errors:targetInUse.holds', { disk: 'userdata.img' }))).toBeVisible({
        timeout: 30_000,
      });
      await expect(ui.page.getByText('ext4', { exact: true })).toBeVisible();
      await expect(ui.page.getByText(localeText(lang, 'errors:advice.target-in-use'))).toBeVisible();
      await expect(ui.page.getByRole('button', { name: localeText(lang, 'common:nav.back') })).toBeVisible();
    });
  }
});
