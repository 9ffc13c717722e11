// Secrets typed into the wizard without their value in the report or the trace's list of
// actions: `locator.fill(s)` is recorded as `Fill "s"`. These insert the text through the
// browser's DevTools protocol (`Input.insertText`, as an input method commits text), which the
// trace records as "Send CDP command" without its parameters; the step is named by what was
// typed, never its value. DOM snapshots of a failed run's trace still show what the page holds
// (a field's value, the recovery key on screen): those are the sandbox's test values.
import { expect, test, type Locator, type Page } from '@playwright/test';

async function insertText(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Input.insertText', { text });
  } finally {
    await cdp.detach();
  }
}

/**
 * What was typed is still being worked on (the strength meter's estimate): the page may still
 * grow, so what lies below moves; a click now could land where a control used to be.
 */
async function expectSettled(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
}

/** Replaces the field's value with `value`, as typing would (React sees the input events). */
export async function fillSecret(field: Locator, value: string, what: string): Promise<void> {
  await test.step(
    `Fill ${what} (hidden)`,
    async () => {
      await field.fill('');
      await field.focus();
      await insertText(field.page(), value);
      await expectSettled(field.page());
    },
    { box: true },
  );
}

/** Types `value` where focus is now (a keyboard-only run, after Tab reached the field). */
export async function typeSecret(page: Page, value: string, what: string): Promise<void> {
  await test.step(`Type ${what} (hidden)`, () => insertText(page, value), { box: true });
}
