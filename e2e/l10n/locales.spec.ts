// Every page and main state in each offered language (the system asks for it at start, so even
// the wait for the helper is in that language): no raw i18n key on screen, no English where the
// language has its own text, <html lang> and dir set; and the language and its keyboard layout
// reach the plan the host received.
import { receivedPlan } from '../fixtures/sandbox-state';
import { expect, test } from '../fixtures/test';
import { FAIL_STEP, SLOW_STEP, walkWizard } from '../../scripts/l10n/walk.mjs';
import { LANGUAGES } from '../../renderer/i18n/languages';
import { LATIN_LAYOUT, isUnlockLayout } from '../../shared/keyboard/unlock-keymaps';
import { textLeaves } from './support/page-text';
import { englishFallbacks, englishOnlyPatterns, rawKeys } from './support/locale-text';
import { fillSecret } from '../support/hidden-input';

// Language is the renderer's business: the browser preview runs it; Electron adds nothing here.
test.skip(({ runtime }) => runtime === 'electron', 'browser preview only');

test.use({ helperOptions: { failSteps: FAIL_STEP, slowSteps: SLOW_STEP }, helperUpAtStart: false });

for (const language of LANGUAGES.filter((l) => l.code !== 'en')) {
  test.describe(`in ${language.nativeName}`, () => {
    test.use({ locale: language.code });

    test(`${language.code}: every page has its text, and the plan says ${language.code}`, async ({ wizard, sandbox }) => {
      const { page } = wizard;
      const patterns = englishOnlyPatterns(language.code);
      const problems: string[] = [];
      await walkWizard(page, {
        fillSecret,
        language: language.code,
        startHelper: () => sandbox.restart(),
        onState: async (state) => {
          await expect(page.locator('html')).toHaveAttribute('lang', language.code);
          await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
          const leaves = await textLeaves(page);
          for (const p of rawKeys(leaves)) problems.push(`${state}: raw key ${p}`);
          for (const p of englishFallbacks(leaves, language.code, patterns)) problems.push(`${state}: English ${p}`);
        },
      });
      expect(problems).toEqual([]);
      const plan = receivedPlan(sandbox.dir);
      expect(plan.locale).toBe(language.code);
      // The language's own layout, or English (US) where the unlock prompt cannot load it (ADR 033).
      expect(plan.keyboard).toEqual(isUnlockLayout(language.keyboard) ? language.keyboard : LATIN_LAYOUT);
    });
  });
}
