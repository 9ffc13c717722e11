// The new encryption states in every language: the unlock rehearsal's prompt, the USB sticks
// (with one that cannot be used) and the security key at the helper (its PIN prompt, "touch
// your key" relayed from the helper, the key ready), with no raw key, no English standing in,
// and no axe violation. And the rehearsal shows exactly what the unlock program prints at boot: after an
// install in Finnish and in Arabic (whose script the console cannot draw, so both say English),
// the unlock program's prompt lines are the rehearsal's.
import type { Page } from '@playwright/test';
import { makeStick } from '../../host/test-support/sticks';
import { runUnlockCli } from '../../host/test-support/unlock-cli';
import { LANGUAGES } from '../../renderer/i18n/languages';
import { consoleLanguage } from '../../shared/unlock/prompt';
import { NEXT, passphraseFor, PRIMARY } from '../../scripts/l10n/walk';
import { expect, test } from '../test-support/test';
import { expectAccessible } from '../test-support/a11y';
import { fillSecret } from '../test-support/hidden-input';
import { englishFallbacks, englishOnlyPatterns, rawKeys } from './test-support/locale-text';
import { textLeaves } from './test-support/page-text';

test.skip(({ runtime }) => runtime === 'electron', 'browser preview only');

const next = (page: Page) => page.locator(NEXT).click();
/** Languages whose install is carried through to the unlock (one the console draws, one it cannot). */
const INSTALLED = new Set(['fi', 'ar']);
/** The first languages, left to right and right to left, run in `npm test`; the rest are @l10n-long (e2e/README.md). */
const IN_NPM_TEST = new Set(['en', 'fi', 'de', 'fr', 'ar']);

async function toEncryption(page: Page, language: string): Promise<void> {
  await page.locator('input[name=language]').first().waitFor();
  await page.locator(`input[name=language][value="${language}"]`).check();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await next(page);
  await page.locator('#profile-minimal').check();
  await next(page);
  // The Apps page (a minimal profile has no app list, only the profile line).
  await page.locator('.profile-line').waitFor();
  await next(page);
  await page.locator('#method-passphrase').waitFor();
}

async function expectLocalized(page: Page, language: string, state: string): Promise<void> {
  const leaves = await textLeaves(page);
  const problems = rawKeys(leaves).map((p) => `raw key ${p}`);
  if (language !== 'en') problems.push(...englishFallbacks(leaves, language, englishOnlyPatterns(language)).map((p) => `English ${p}`));
  expect(problems, `${state} in ${language}`).toEqual([]);
  await expectAccessible(page, `${state} in ${language}`);
}

for (const language of LANGUAGES) {
  const tag = IN_NPM_TEST.has(language.code) ? '@l10n' : '@l10n-long';
  test.describe(`in ${language.nativeName}`, () => {
    test.use({ locale: language.code });

    test(`${tag} ${language.code}: the unlock rehearsal and the USB sticks${INSTALLED.has(language.code) ? ', and the boot prompt is the rehearsal' : ''}`, async ({
      wizard,
      sandbox,
    }) => {
      const { page } = wizard;
      makeStick(sandbox.dir, 'kingston', 'vfat', 'KEYSTICK');
      makeStick(sandbox.dir, 'blank', 'none', '');
      await toEncryption(page, language.code);

      const passphrase = passphraseFor(language.code);
      await page.locator('#method-passphrase').check();
      await fillSecret(page.locator('#passphrase'), passphrase, 'the passphrase');
      await fillSecret(page.locator('#rehearsal'), passphrase, 'the unlock rehearsal');
      await page.locator('#rehearsal-state.field-ok').waitFor();
      const prompt = page.locator('.boot-prompt-text');
      const rehearsed = (await prompt.locator('p').allInnerTexts()).map((l) => l.trim());
      expect(rehearsed).toHaveLength(3);
      await expect(prompt).toHaveAttribute('lang', consoleLanguage(language.code));
      await expectLocalized(page, language.code, 'the unlock rehearsal');

      await page.locator('#method-usb-key').check();
      await expect(page.locator('label.device-usb')).toHaveCount(2);
      await expect(page.locator('.device-problem')).toHaveCount(1);
      await expectLocalized(page, language.code, 'the USB sticks');

      if (!INSTALLED.has(language.code)) return;
      await page.locator('#method-passphrase').check();
      await page.locator('#rehearsal-state.field-ok').waitFor();
      await next(page);
      const group = await page.locator('.recovery-group-asked .recovery-group-text').innerText();
      await fillSecret(page.locator('#recovery-confirm'), group.trim(), 'a recovery-key group');
      await next(page);
      await page.locator('.summary-section').first().waitFor();
      await page.locator(PRIMARY).click();
      await page.locator('.done-list').waitFor({ timeout: 60_000 });

      const unlock = await runUnlockCli(['--sandbox', sandbox.dir, '--attempt-delay-ms', '0'], [passphrase]);
      expect(unlock.code, unlock.stdout).toBe(0);
      const printed = unlock.stdout.split('\n').map((l) => l.trim());
      const at = printed.indexOf(rehearsed[0]!);
      expect(at, `the boot prompt begins with the rehearsal's first line:\n${unlock.stdout}`).toBeGreaterThanOrEqual(0);
      expect(printed.slice(at, at + 3), 'the boot prompt is the rehearsal, line for line').toEqual(rehearsed);
    });

    test(`${tag} ${language.code}: the security key at the helper asks for the PIN, relays "touch your key", and is ready`, async ({
      wizard,
    }) => {
      const { page } = wizard;
      await toEncryption(page, language.code);
      await page.locator('#method-fido2').check();
      const device = (name: string) => page.locator('label.device', { hasText: name }).locator('input');
      await device('PIN 123456').check();
      await page.locator('#fido2-enroll').click();
      // The helper's PIN prompt: the key needs its PIN.
      await expect(page.locator('#fido2-pin')).toHaveAttribute('aria-invalid', 'true');
      await page.locator('.notice-error').waitFor();
      await expectLocalized(page, language.code, 'the PIN asked for');
      // A slow key: the helper says it waits for a touch, and the page says so.
      await device('slow touch').check();
      await page.locator('#fido2-enroll').click();
      await page.locator('.touch-prompt').waitFor({ timeout: 15_000 });
      await expectLocalized(page, language.code, 'touch your key');
      await page.locator('.notice-success').waitFor({ timeout: 30_000 });
      await expectLocalized(page, language.code, 'the key ready');
    });
  });
}
