// The first second: Welcome is in the page before any script runs, becomes live when the page has
// taken it over, and does not wait for the helper; a Next pressed before the helper has answered
// waits for it. (A helper that is down at start: host-errors.spec.ts.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './test-support/test';
import { root } from '../scripts/lib/processes';
import { expectProvisioned } from './test-support/expect-provisioned';
import { completeWizard, expectedFrom, type WizardChoices } from './test-support/flows';
import { PASSPHRASE } from './test-support/secrets';

const MINIMAL: WizardChoices = {
  profile: 'minimal',
  keyboard: 'de',
  encryption: { method: 'passphrase', passphrase: PASSPHRASE, recoveryKey: false },
};

test('@smoke Welcome is in index.html before any script, and the page takes it over without re-rendering it', async ({ ui }) => {
  const index = readFileSync(path.join(root, 'dist/renderer/index.html'), 'utf8');
  expect(index, 'the built page holds Welcome').toMatch(
    /<div id="root" data-prerendered-key="[^"]+" inert><a class="skip-link"[^]*<h1[^>]*>Welcome to Spectrum<\/h1>/,
  );
  const problems: string[] = [];
  ui.page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  ui.page.on('pageerror', (e) => problems.push(e.message));
  await ui.page.reload();
  await ui.welcome.expectShown();
  await expect(ui.page.locator('#root'), 'live once hydrated').not.toHaveAttribute('inert');
  await expect(ui.welcome.heading, 'the heading takes focus, as on every page').toBeFocused();
  await ui.welcome.chooseKeyboardLayout('fi');
  await ui.welcome.next();
  await ui.profile.expectShown();
  expect(problems, 'no hydration mismatch or other error').toEqual([]);
});

test.describe('a helper that answers late', () => {
  test.use({ helperAnswersLate: true });

  test('@failure Welcome shows before the helper answers; Next waits for the answer, then moves on', async ({
    ui,
    lateHelper,
    sandbox,
    wizardStateDir,
  }) => {
    await ui.welcome.expectShown();
    await ui.welcome.chooseKeyboardLayout('de');
    await ui.welcome.next();
    // Still on Welcome, saying why, and not the "waiting for the host" screen: the helper is there, only slow.
    await expect(ui.page.getByRole('status').filter({ hasText: 'Getting ready…' })).toBeVisible();
    await ui.welcome.expectShown();
    await expect(ui.helperWait.heading).toHaveCount(0);
    lateHelper!.release();
    await ui.profile.expectShown();
    await ui.profile.back();
    const { recoveryKey } = await completeWizard(ui, MINIMAL);
    expectProvisioned({ sandboxDir: sandbox.dir, wizardStateDir }, expectedFrom(MINIMAL, recoveryKey));
  });
});
