// The whole wizard in the reviewers' pseudo-locale (about 40% longer, accented, bracketed):
// on every page and state no text is cut off or spills out of its box, the page never scrolls
// sideways, and every text came through i18next.
import { expect, test } from '../test-support/test';
import { FAIL_STEP, SLOW_STEP, walkWizard } from '../../scripts/l10n/walk';
import { PSEUDO_LOCALE } from '../../renderer/i18n/languages';
import { overflowingText, textLeaves } from './test-support/page-text';
import { notPseudo } from './test-support/locale-text';
import { fillSecret } from '../test-support/hidden-input';

// Language is the renderer's business: the browser preview runs it; Electron adds nothing here.
test.skip(({ runtime }) => runtime === 'electron', 'browser preview only');

test.use({ helperOptions: { failSteps: FAIL_STEP, slowSteps: SLOW_STEP }, helperUpAtStart: false });

test('pseudo-locale: the whole wizard with nothing cut off and nothing untranslated', async ({ wizard, sandbox }) => {
  const { page } = wizard;
  // The reviewer mode comes from the URL (the preview offers it; production never does).
  await page.goto(`${wizard.url}&lng=pseudo`);
  await expect(page.locator('html')).toHaveAttribute('lang', PSEUDO_LOCALE);
  const problems: string[] = [];
  await walkWizard(page, {
    fillSecret,
    startHelper: () => sandbox.restart(),
    onState: async (state) => {
      for (const o of await overflowingText(page))
        problems.push(`${state}: ${o.axis} overflow ${o.scroll} > ${o.client} at ${o.where} "${o.text}"`);
      for (const p of notPseudo(await textLeaves(page))) problems.push(`${state}: not through i18next ${p}`);
    },
  });
  expect(problems).toEqual([]);
});
