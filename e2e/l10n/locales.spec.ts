// Every page and main state in each offered language (the system asks for it at start, so even
// the wait for the helper is in that language): no raw i18n key on screen, no English where the
// language has its own text, <html lang> and dir set, every character drawn by a bundled font of
// that language's own stack; and the language and its keyboard layout reach the plan the host
// received. Right-to-left languages also show the enrolled key's name and the failed step's
// name isolated from the sentence around them; input-method languages show the notice about
// the unlock prompt; Japanese is checked for text that overflows its box.
//
// `npm test` walks ar, he, fa (right to left, three plural systems and two digit sets) and ja
// (CJK, input method); the other languages are tagged @l10n-long (e2e/README.md).
import { receivedPlan } from '../test-support/sandbox-state';
import { expect, test } from '../test-support/test';
import { FAIL_STEP, SLOW_STEP, walkWizard } from '../../scripts/l10n/walk';
import { LANGUAGES } from '../../renderer/i18n/languages';
import { ISOLATE_END, ISOLATE_START } from '../../renderer/i18n/intl-formatter';
import { LATIN_LAYOUT, isUnlockLayout } from '../../shared/keyboard/unlock-keymaps';
import { missingGlyphs, overflowingText, textLeaves } from './test-support/page-text';
import { englishFallbacks, englishOnlyPatterns, rawKeys } from './test-support/locale-text';
import { fillSecret } from '../test-support/hidden-input';

// Language is the renderer's business: the browser preview runs it; Electron adds nothing here.
test.skip(({ runtime }) => runtime === 'electron', 'browser preview only');

test.use({ helperOptions: { failSteps: FAIL_STEP, slowSteps: SLOW_STEP }, helperUpAtStart: false });

/** Walked in `npm test`; the rest are @l10n-long. */
const IN_NPM_TEST = new Set(['ar', 'he', 'fa', 'ja']);
/** Languages whose walk also checks for text overflowing its box (as the pseudo-locale does). */
const OVERFLOW_CHECKED = new Set(['ja']);
/** The state and element where a value from outside the sentence is shown (a device name, a step name). */
const ISOLATED_VALUES: Record<string, string> = { 'fido2-enrolled': '.notice-success', failure: '.notice-error' };

for (const language of LANGUAGES.filter((l) => l.code !== 'en')) {
  const tag = IN_NPM_TEST.has(language.code) ? '@l10n' : '@l10n-long';
  test.describe(`in ${language.nativeName}`, () => {
    test.use({ locale: language.code });

    test(`${tag} ${language.code}: every page has its text and glyphs, and the plan says ${language.code}`, async ({ wizard, sandbox }) => {
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
          for (const g of await missingGlyphs(page, language.code))
            problems.push(`${state}: no bundled glyph for ${g.char} U+${g.char.codePointAt(0)!.toString(16)} in ${g.where} (${g.fonts})`);
          if (OVERFLOW_CHECKED.has(language.code)) {
            for (const o of await overflowingText(page))
              problems.push(`${state}: ${o.axis} overflow ${o.scroll} > ${o.client} at ${o.where} "${o.text}"`);
          }
          const isolated = ISOLATED_VALUES[state];
          if (language.dir === 'rtl' && isolated) {
            const text = await page.locator(isolated).first().innerText();
            if (!new RegExp(`${ISOLATE_START}[^${ISOLATE_END}]+${ISOLATE_END}`).test(text))
              problems.push(`${state}: value not isolated in "${text}"`);
          }
          if (state === 'encryption-passphrase' && (await page.locator('#input-method-notice').isVisible()) !== language.inputMethod) {
            problems.push(`${state}: the input-method notice is ${language.inputMethod ? 'missing' : 'shown'}`);
          }
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
