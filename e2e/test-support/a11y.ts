// Accessibility checks with axe-core at WCAG 2.1 level AA, on whatever the page shows now.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

function describe(v: AxeViolation): string {
  return `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`;
}

/** No WCAG 2.1 A/AA violation on the page as it is now; `screen` names it in the failure. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations.map(describe), `axe (WCAG 2.1 AA) on ${screen}`).toEqual([]);
}

/** An OnScreen check for the flows: axe on every screen they pass. */
export const axeOn = (page: Page) => (screen: string) => expectAccessible(page, screen);
