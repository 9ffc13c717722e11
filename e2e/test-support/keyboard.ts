// Moving through the wizard with the keyboard alone: Tab / Shift+Tab until a control has focus.
import type { Locator, Page } from '@playwright/test';

const MAX_PRESSES = 80;

async function hasFocus(target: Locator): Promise<boolean> {
  if ((await target.count()) !== 1) return false;
  return target.evaluate((el) => el === el.ownerDocument.activeElement);
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it never gets it. */
export async function tabTo(page: Page, target: Locator, direction: 'forward' | 'backward' = 'forward'): Promise<void> {
  const key = direction === 'forward' ? 'Tab' : 'Shift+Tab';
  for (let presses = 0; presses < MAX_PRESSES; presses++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${String(target)} never got focus in ${MAX_PRESSES} presses of ${key}`);
}

/** Tabs to a button and presses Enter on it. */
export async function activate(page: Page, button: Locator): Promise<void> {
  await tabTo(page, button);
  await page.keyboard.press('Enter');
}
