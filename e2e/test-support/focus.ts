// Where keyboard focus is after an action: never on the page's body (WCAG 2.4.3), where the next
// Tab would start again at the header.
import { expect, type Locator, type Page } from '@playwright/test';

/** A short description of the focused element: `BODY`, or its tag, id and accessible text. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return 'BODY';
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
    return `${el.tagName}${el.id ? `#${el.id}` : ''} "${text}"`;
  });
}

/** After an action has shown its result: focus is on something of the page, not the body. */
export async function expectFocusNotOnBody(page: Page, after: string): Promise<void> {
  await expect.poll(() => focusedElement(page), { message: `focus after ${after} should not fall to the page body` }).not.toBe('BODY');
  const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
  expect(inMain, `focus after ${after} should stay in the page's main content`).toBe(true);
}

/** Focus is on `target` (or inside it). */
export async function expectFocusWithin(target: Locator, after: string): Promise<void> {
  await expect
    .poll(() => target.evaluate((el) => el.contains(el.ownerDocument.activeElement)), { message: `focus after ${after}` })
    .toBe(true);
}
