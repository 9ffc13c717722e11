// In the key-only view every string on screen is its `namespace:key`: read them back, from the
// visible text and from what is read out (aria-label, placeholder, title), one sorted list; and
// the context notes the key view lists for them (renderer/components/ContextNotesPanel.tsx).
/* global document, HTMLElement, Node */
import { localeNamespaces } from '../locale-tree';
import { root } from '../../lib/processes';

const KEY = new RegExp(`\\b(?:${localeNamespaces(root, 'en').join('|')}):[A-Za-z0-9_.()-]*[A-Za-z0-9_)]`, 'g');
const NOTES_PANEL = '[data-context-notes]';

/** @param {import('@playwright/test').Page} page @returns {Promise<string[]>} */
export async function keysOnScreen(page) {
  const texts = await page.evaluate((panel) => {
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (!(el instanceof HTMLElement) || el.closest(panel) || !el.checkVisibility({ checkVisibilityCSS: true })) continue;
      for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE && n.textContent?.trim()) out.push(n.textContent);
      for (const a of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  }, NOTES_PANEL);
  return [...new Set(texts.flatMap((t) => t.match(KEY) ?? []))].sort();
}

/**
 * The notes the key view shows for the keys on screen: key → note. The panel reads the page a
 * frame after it changes (and also counts keys a sighted reader does not see): wait until it
 * has read at least every key visible now.
 * @param {import('@playwright/test').Page} page
 */
export async function notesOnScreen(page) {
  const keys = await keysOnScreen(page);
  const read = await page
    .waitForFunction(
      ({ want, panel }) => {
        const have = new Set(document.querySelector(panel)?.getAttribute('data-context-notes')?.split(' ') ?? []);
        return want.every((k) => have.has(k));
      },
      { want: keys, panel: NOTES_PANEL },
      { timeout: 10_000 },
    )
    .then(
      () => true,
      () => false,
    );
  if (!read) return {};
  /** @type {[string, string][]} */
  const notes = await page
    .locator(`${NOTES_PANEL} [data-key]`)
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-key') ?? '', e.querySelector('dd')?.textContent ?? '']));
  return Object.fromEntries(notes.filter(([k]) => keys.includes(k)));
}
