// Where keyboard focus is after an action: never on the page's body (WCAG 2.4.3), where the next
// Tab would start again at the header.
import { expect, type Locator, type Page } from '@playwright/test';

/** Where focus is, read in one go: `BODY`, or `main: …` / `outside main: …` and the element. */
function focusPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return 'BODY';
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
    return `${el.closest('main') ? 'main' : 'outside main'}: ${el.tagName}${el.id ? `#${el.id}` : ''} "${text}"`;
  });
}

/**
 * After an action has shown its result: focus is on something in the page's main content. One
 * reading answers both questions, so a page that changes between two readings cannot pass the
 * first and fail the second on the same moment's body focus.
 */
export async function expectFocusNotOnBody(page: Page, after: string): Promise<void> {
  await expect
    .poll(() => focusPlace(page), { message: `focus after ${after} should be in the page's main content, not its body` })
    .toMatch(/^main: /);
}

/** Focus is on `target` (or inside it). */
export async function expectFocusWithin(target: Locator, after: string): Promise<void> {
  await expect
    .poll(() => target.evaluate((el) => el.contains(el.ownerDocument.activeElement)), { message: `focus after ${after}` })
    .toBe(true);
}
