// The language picker scales past a screenful of languages: a person finds theirs by typing its
// name in any language or script, picks it with Enter, and everything works by keyboard and
// screen reader (a labelled search box, a live count, radio buttons each named in their own
// language). Controls are found by id: their names change with the language.
import { expect, test } from '../test-support/test';
import { expectAccessible } from '../test-support/a11y';

// Language is the renderer's business: the browser preview runs it; Electron adds nothing here.
test.skip(({ runtime }) => runtime === 'electron', 'browser preview only');

const SEARCH = '#language-search';
const shown = (page: import('@playwright/test').Page) =>
  page.locator('input[name=language]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

test('@l10n @a11y language picker: found by its name in another language and script, picked by keyboard', async ({ wizard }) => {
  const { page } = wizard;
  await expect(page.locator('#language-search-count')).toHaveAttribute('role', 'status');
  await expectAccessible(page, 'welcome with the language search');

  // Typed as a Japanese reader would: the name in kana-kanji, in Japanese; the list narrows.
  await page.locator(SEARCH).focus();
  await page.keyboard.type('ドイツ語');
  await expect.poll(() => shown(page)).toEqual(['en', 'de']); // the chosen language stays listed
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('input[name=language][value=de]')).toBeFocused();
  await expect(page.locator('input[name=language][value=de]')).toBeChecked();

  // A French reader types "japonais"; Finnish "japani"; accents and case do not matter.
  for (const [query, code] of [
    ['JAPONAIS', 'ja'],
    ['japani', 'ja'],
    ['francais', 'fr'],
    ['farsi', 'fa'],
    ['עברית', 'he'],
    ['pt-br', 'pt-BR'],
  ] as const) {
    await page.locator(SEARCH).fill(query);
    await expect.poll(() => shown(page)).toContain(code);
  }
  await page.locator(SEARCH).fill('japonais');
  await page.locator(SEARCH).press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('#language-search-count')).toContainText(/(^|\D)1(\D|$)/);

  // Nothing matches: said so, and the chosen language is still there to keep.
  await page.locator(SEARCH).fill('klingon');
  await expect.poll(() => shown(page)).toEqual(['ja']);
  await expect(page.locator('#language-search-count')).toContainText('klingon');
  await expectAccessible(page, 'welcome with no language matching');
});
