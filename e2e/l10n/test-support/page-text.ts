// What a person sees on the page, read in the page: the visible text of every element that
// holds text of its own, and the text boxes whose content overflows them.
import type { Page } from '@playwright/test';

export interface TextLeaf {
  readonly text: string;
  /** The nearest lang attribute (data blocks such as the recovery key are marked lang="en"). */
  readonly lang: string;
  /** A short CSS-like path for messages. */
  readonly where: string;
}

export interface Overflow {
  readonly where: string;
  readonly text: string;
  readonly scroll: number;
  readonly client: number;
  readonly axis: 'inline' | 'block';
}

/** Elements with visible text of their own (text nodes as direct children), select options excluded. */
export function textLeaves(page: Page): Promise<TextLeaf[]> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement) {
        parts.unshift(e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}${e.classList[0] ? `.${e.classList[0]}` : ''}`);
      }
      return parts.join(' > ');
    };
    const out: { text: string; lang: string; where: string }[] = [];
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent?.trim() || el.closest('option, script, style')) continue;
      seen.add(el);
      if (el.closest('.visually-hidden') || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const text = (el as HTMLElement).innerText?.trim();
      if (text) out.push({ text, lang: el.closest('[lang]')?.getAttribute('lang') ?? '', where: describe(el) });
    }
    return out;
  });
}

/**
 * Text boxes whose content is wider (or, when clipped, taller) than the box: truncated or
 * spilling out. Boxes meant to scroll (overflow auto/scroll: code and log) are left out.
 */
export function overflowingText(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const describe = (el: Element) => (el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    const boxOf = (el: Element): Element | null => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const d = getComputedStyle(e).display;
        if (d !== 'inline' && d !== 'contents') return e;
      }
      return null;
    };
    const boxes = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('option, script, style, .visually-hidden, select')) continue;
      if (!el.checkVisibility({ checkVisibilityCSS: true })) continue;
      const box = boxOf(el);
      if (box) boxes.add(box);
    }
    const out: { where: string; text: string; scroll: number; client: number; axis: 'inline' | 'block' }[] = [];
    for (const box of boxes) {
      const style = getComputedStyle(box);
      const scrolls = (v: string) => v === 'auto' || v === 'scroll';
      const text = (box as HTMLElement).innerText.trim().slice(0, 60);
      if (!scrolls(style.overflowX) && box.scrollWidth > box.clientWidth + 1) {
        out.push({ where: describe(box), text, scroll: box.scrollWidth, client: box.clientWidth, axis: 'inline' });
      }
      const clipsBlock = style.overflowY === 'hidden' || style.overflowY === 'clip' || style.webkitLineClamp !== 'none';
      if (clipsBlock && box.scrollHeight > box.clientHeight + 1) {
        out.push({ where: describe(box), text, scroll: box.scrollHeight, client: box.clientHeight, axis: 'block' });
      }
    }
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      out.push({ where: 'html', text: '(the page scrolls sideways)', scroll: root.scrollWidth, client: root.clientWidth, axis: 'inline' });
    return out;
  });
}

export interface MissingGlyph {
  readonly char: string;
  readonly where: string;
  readonly fonts: string;
}

/**
 * Characters on screen, in text of the page's language, that no bundled font in the element's
 * own font stack draws (the @font-face rules' unicode-range is what each subset file maps, so
 * "in range" is "has a glyph"). Monospace text may use the system's monospace font first, but
 * its stack ends in a bundled face too; controls and default-ignorable marks (FSI, PDI, ZWNJ…)
 * need none.
 */
export function missingGlyphs(page: Page, lang: string): Promise<MissingGlyph[]> {
  // Each face is matched by family and by the weight the text is set in (regular or bold).
  return page.evaluate((pageLang) => {
    const weightOf = (w: string) => (w === 'normal' ? 400 : w === 'bold' ? 700 : Number(w));
    const faces = [...document.fonts].map((f) => ({
      family: f.family.replace(/^["']|["']$/g, ''),
      weight: weightOf(f.weight),
      ranges: f.unicodeRange.split(',').map((r) => {
        const [a, b] = r
          .trim()
          .replace(/^U\+/i, '')
          .split('-')
          .map((x) => parseInt(x, 16));
        return [a!, b ?? a!] as const;
      }),
    }));
    const noGlyph = /[\p{Cc}\p{Default_Ignorable_Code_Point}\s]/u;
    const out: { char: string; where: string; fonts: string }[] = [];
    const seen = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('option, script, style')) continue;
      if ((el.closest('[lang]')?.getAttribute('lang') ?? '') !== pageLang || !el.checkVisibility({ checkVisibilityCSS: true })) continue;
      const style = getComputedStyle(el);
      const stack = style.fontFamily.split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
      // Synthesized weights aside, the browser draws 400-599 with the regular face and 600+ with the bold.
      const weight = weightOf(style.fontWeight) >= 600 ? 700 : 400;
      for (const char of n.textContent) {
        const cp = char.codePointAt(0)!;
        const key = `${char}${weight}${stack.join()}`;
        if (noGlyph.test(char) || seen.has(key)) continue;
        seen.add(key);
        const drawn = faces.some((f) => f.weight === weight && stack.includes(f.family) && f.ranges.some(([a, b]) => cp >= a && cp <= b));
        if (!drawn)
          out.push({
            char,
            where: el.tagName.toLowerCase() + (el.className ? `.${String(el.className).split(' ')[0]}` : ''),
            fonts: `${weight} ${style.fontFamily}`,
          });
      }
    }
    return out;
  }, lang);
}
