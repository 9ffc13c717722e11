// Every refusal the host can give the wizard, each on the screen that explains it: the helper
// not answering at start, a disk that holds data, a machine already set up, a second install
// while one runs, a plan the host finds invalid, too little space, a missing signing key.
// (A step that fails is retry.spec.ts; a helper that dies mid-install, reattach.spec.ts.)
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import type { WizardApp } from './test-support/app';
import { writeCatalog } from './test-support/catalog';
import { test, expect, type OpenWizardOptions } from './test-support/test';
import { imagePath, opensWith } from './test-support/sandbox-state';
import { Wizard } from './pages/wizard';
import { expectAccessible } from './test-support/a11y';
import { expectProvisioned } from './test-support/expect-provisioned';
import { diskFacts, expectDiskUntouched } from './test-support/expect-untouched';
import { completeWizard, expectedFrom, installToDone, walkToSummary, type WizardChoices } from './test-support/flows';
import { PASSPHRASE } from './test-support/secrets';

const MINIMAL: WizardChoices = { profile: 'minimal', encryption: { method: 'passphrase', passphrase: PASSPHRASE, recoveryKey: false } };
const COMMON: WizardChoices = { profile: 'common', encryption: { method: 'passphrase', passphrase: PASSPHRASE, recoveryKey: false } };
const GIB = 1024 ** 3;

test.describe('helper down at start', () => {
  test.use({ helperUpAtStart: false });

  test('@failure @a11y helper unreachable: Welcome shows, Next waits for the host, then carries on', async ({
    ui,
    sandbox,
    wizardStateDir,
  }) => {
    // Nothing on Welcome needs the host: it shows and takes choices while the host is down.
    await ui.welcome.expectShown();
    await ui.welcome.chooseKeyboardLayout('fi');
    await ui.welcome.next();
    await ui.helperWait.expectShown();
    await expect(ui.helperWait.attempts).toBeVisible();
    await expectAccessible(ui.page, 'waiting for the host');
    const attemptsBefore = await ui.helperWait.attemptCount();
    await ui.helperWait.tryNow();
    await expect.poll(() => ui.helperWait.attemptCount(), 'Try now tries again at once').toBeGreaterThan(attemptsBefore);
    await ui.helperWait.expectShown();
    // The host comes up: the wizard finds it by itself and carries out the Next that waited.
    await sandbox.restart();
    await ui.profile.expectShown();
    await ui.profile.back();
    await expect(ui.welcome.keyboardLayout, 'the choice made while the host was down is kept').toHaveValue('fi');
    const choices: WizardChoices = { ...MINIMAL, keyboard: 'fi' };
    const { recoveryKey } = await completeWizard(ui, choices);
    expectProvisioned({ sandboxDir: sandbox.dir, wizardStateDir }, expectedFrom(choices, recoveryKey));
  });
});

test.describe('target in use: a file system', () => {
  test.use({ existingTarget: 'ext4' });

  test('@failure @a11y target-in-use: a disk with a file system is refused and left untouched', async ({ ui, sandbox }) => {
    const before = diskFacts(sandbox.dir);
    expect(before.blkid.TYPE).toBe('ext4');
    await walkToSummary(ui, MINIMAL);
    await ui.summary.install();
    await ui.failure.expectExplained(
      'The installation did not start.',
      'The disk for your data already holds data, so it was left untouched.',
    );
    await expect(await ui.failure.technicalDetails()).toContainText('target-in-use');
    await expectAccessible(ui.page, 'failure, target in use');
    expectDiskUntouched(sandbox.dir, before, { noJournal: true });
    // Nothing was written: the choices can still be changed.
    await ui.failure.back();
    await ui.summary.expectShown();
  });
});

test.describe("target in use: another system's encrypted volume", () => {
  test.use({ existingTarget: 'foreign-luks' });

  test('@failure target-in-use: a foreign LUKS volume is refused and still opens with its own key', async ({ ui, sandbox }) => {
    const before = diskFacts(sandbox.dir);
    await walkToSummary(ui, MINIMAL);
    await ui.summary.install();
    await ui.failure.expectExplained(
      'The installation did not start.',
      'The disk for your data already holds data, so it was left untouched.',
    );
    expect(opensWith(sandbox.dir, 'a key of another system'), "the other system's key still opens it").toBe(true);
    expect(opensWith(sandbox.dir, PASSPHRASE), 'our passphrase was never enrolled').toBe(false);
    expectDiskUntouched(sandbox.dir, before, { noJournal: true });
    await expect(ui.failure.backButton).toBeVisible();
  });
});

/** Another wizard on the same sandbox, with its own window and state (a second first-boot VM). */
async function anotherWizard(
  openWizard: (o: OpenWizardOptions) => Promise<WizardApp>,
  context: BrowserContext,
  sandboxDir: string,
  name: string,
): Promise<Wizard> {
  const app = await openWizard({ page: await context.newPage(), stateDir: path.join(sandboxDir, name) });
  return new Wizard(app.page);
}

test('@failure already-provisioned: a second wizard is refused, and a new one finds the machine set up', async ({
  ui,
  openWizard,
  sandbox,
  context,
  wizardStateDir,
}) => {
  const second = await anotherWizard(openWizard, context, sandbox.dir, 'second-wizard');
  await walkToSummary(second, MINIMAL);

  const { recoveryKey } = await completeWizard(ui, COMMON);
  expectProvisioned({ sandboxDir: sandbox.dir, wizardStateDir }, expectedFrom(COMMON, recoveryKey));

  await second.summary.install();
  await second.failure.expectExplained('The installation did not start.', 'This computer is already set up.');
  await expect(await second.failure.technicalDetails()).toContainText('already-provisioned');

  const third = await anotherWizard(openWizard, context, sandbox.dir, 'third-wizard');
  await third.done.expectShown();
  // It made no choices, so it claims none: not the three system VMs of an empty selection.
  await expect(third.page.getByText(/VMs? set up/)).toHaveCount(0);
  expect(opensWith(sandbox.dir, PASSPHRASE), 'the first installation is intact').toBe(true);
});

test.describe('a slow install', () => {
  test.use({ helperOptions: { slowSteps: { 'vm-definitions': 120_000 } } });

  test('@failure busy: a second wizard is refused while the first one installs', async ({ ui, openWizard, sandbox, context }) => {
    const second = await anotherWizard(openWizard, context, sandbox.dir, 'second-wizard');
    await walkToSummary(second, MINIMAL);
    await walkToSummary(ui, MINIMAL);
    await ui.summary.install();
    await expect(ui.progress.step('Creating the VMs')).toContainText('In progress');

    await second.summary.install();
    await second.failure.expectExplained('The installation did not start.', 'The host is already installing.');
    await expect(second.page.getByText('Wait for the running installation to finish.')).toBeVisible();
    await expect(ui.progress.step('Creating the VMs'), 'the first install goes on').toContainText('In progress');
  });
});

test.describe('a catalog that changes under the wizard', () => {
  test('@failure invalid-plan: apps the host no longer offers are named in the technical details', async ({ ui, sandbox }) => {
    await walkToSummary(ui, COMMON);
    await sandbox.stop();
    await sandbox.restart({ catalogFile: writeCatalog(sandbox.dir, { apps: 4 }) });
    await ui.summary.install();
    await ui.failure.expectExplained('The installation did not start.', 'The host found a problem in the installation plan.');
    const details = await ui.failure.technicalDetails();
    await expect(details).toContainText('invalid-plan');
    await expect(details).toContainText('/vms/apps/1: unknown app id');
    await expect(ui.failure.backButton, 'nothing was written: the choices can be changed').toBeVisible();
  });
});

test.describe('a small disk', () => {
  test.use({ helperOptions: { userdataBytes: 4 * GIB } });

  test('@failure @profiles insufficient-space: the Apps page and then the host say the selection does not fit', async ({
    ui,
    sandbox,
    wizardStateDir,
  }) => {
    await ui.welcome.next();
    await ui.profile.choose('Power');
    await ui.profile.next();
    await ui.apps.expectNextBlockedBy(/^The selection needs .+, but only .+ is available\.$/);
    await expect(ui.page.getByText(/but only .+ is available\. Remove some apps\./)).toBeVisible();
    await ui.apps.chooseProfile('Common');
    // Browser, text editor and terminal ship built in (no space); the office suite is written.
    await ui.apps.select('Office suite');
    await ui.apps.next();
    await ui.encryption.choosePassphrase(PASSPHRASE, { recoveryKey: false });
    await ui.encryption.next();
    await ui.summary.expectShown();

    // The disk is replaced by a smaller one while the wizard waits at the summary.
    await sandbox.stop();
    rmSync(imagePath(sandbox.dir));
    await sandbox.restart({ userdataBytes: 2 * GIB });
    await ui.summary.install();
    await ui.failure.expectExplained('The installation did not start.', 'There is not enough disk space for this selection.');
    await expect(ui.page.getByText('Go back and choose fewer apps.')).toBeVisible();

    await ui.failure.back();
    await ui.summary.change('Change profile and apps');
    await ui.profile.choose('Minimal');
    await ui.profile.next();
    await installToDone(ui);
    expectProvisioned({ sandboxDir: sandbox.dir, wizardStateDir }, expectedFrom(MINIMAL, null));
  });
});

test('@failure @a11y a missing signing key stops setup on the fatal screen', async ({ sandbox, openWizard }) => {
  rmSync(sandbox.signingKey);
  const ui = new Wizard((await openWizard()).page);
  await ui.fatal.expectShown();
  await expect(ui.page.getByText('The key that signs the installation plan is missing')).toBeVisible();
  await expect(ui.page.getByRole('button', { name: 'Export log' })).toBeVisible();
  await expectAccessible(ui.page, 'fatal');
});
