// In the key-only view every string on screen is its `namespace:key`: read them back, from the
// visible text and from what is read out (aria-label, placeholder, title), one sorted list.
/* global document, HTMLElement, Node */
import { localeNamespaces } from '../locale-tree.mjs';
import { root } from '../../lib/processes.mjs';

const KEY = new RegExp(`\\b(?:${localeNamespaces(root, 'en').join('|')}):[A-Za-z0-9_.()-]*[A-Za-z0-9_)]`, 'g');

/** @param {import('@playwright/test').Page} page @returns {Promise<string[]>} */
export async function keysOnScreen(page) {
  const texts = await page.evaluate(() => {
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (!(el instanceof HTMLElement) || !el.checkVisibility({ checkVisibilityCSS: true })) continue;
      for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE && n.textContent?.trim()) out.push(n.textContent);
      for (const a of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
  return [...new Set(texts.flatMap((t) => t.match(KEY) ?? []))].sort();
}
