// Every character the wizard can show is drawn by a bundled font, in regular and in bold: each
// language's strings, every language's own name (the picker shows them all), what Intl makes of
// numbers, sizes and times in that language, and the pseudo-locale. A character must be both in
// a face's unicode-range (renderer/styles/fonts.css) and in that font file's cmap.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontCodePoints, fontFaces } from '../../scripts/l10n/font-coverage.mjs';
import { readLanguage } from '../../scripts/l10n/locale-tree.mjs';
import { formatAgo, formatBytes, formatClock, formatList, formatMinutes, formatNumber, formatPercent } from './format';
import { LANGUAGES, PSEUDO_LOCALE } from './languages';
import { pseudoText } from './pseudo';

const root = path.join(__dirname, '..', '..');
const faces = fontFaces(path.join(root, 'renderer/styles/fonts.css')).map((f) => ({ ...f, glyphs: fontCodePoints(f.file) }));

function intlSamples(lang: string): string[] {
  return [
    formatBytes(1_234_567_890, lang), formatBytes(734_003_200, lang), formatPercent(0.42, lang), formatClock(3_723_000, lang),
    formatAgo(5_000, lang), formatAgo(180_000, lang), formatMinutes(12, lang), formatList(['a', 'b', 'c'], lang), formatNumber(1_234_567.5, lang),
  ];
}

function textsOf(lang: string): string[] {
  const strings = [...readLanguage(root, lang === PSEUDO_LOCALE ? 'en' : lang).values()].map((s) => s.replace(/\{\{[^}]*\}\}/g, ''));
  return [...(lang === PSEUDO_LOCALE ? strings.map(pseudoText) : strings), ...LANGUAGES.map((l) => l.nativeName), ...intlSamples(lang)];
}

/** Characters that need no glyph: controls and default-ignorable marks (LRM, RLM, ALM, ZWJ…). */
const NO_GLYPH = /[\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

function uncovered(lang: string, weight: number): string[] {
  const chars = new Set([...textsOf(lang).join('')].filter((c) => !NO_GLYPH.test(c)));
  const drawn = (cp: number) =>
    faces.some((f) => f.weight === weight && (f.ranges.length === 0 || f.ranges.some(([a, b]) => cp >= a && cp <= b)) && f.glyphs.has(cp));
  return [...chars].filter((c) => !drawn(c.codePointAt(0)!)).map((c) => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

describe('bundled fonts', () => {
  it('are read (faces and glyphs)', () => {
    expect(faces.map((f) => `${f.family} ${f.weight}`).sort()).toEqual(['Noto Sans 400', 'Noto Sans 700', 'Noto Sans Arabic 400', 'Noto Sans Arabic 700']);
    expect(faces.every((f) => f.glyphs.size > 200)).toBe(true);
  });

  it.each([...LANGUAGES.map((l) => l.code), PSEUDO_LOCALE])('draw every character of %s, regular and bold', (lang) => {
    expect({ regular: uncovered(lang, 400), bold: uncovered(lang, 700) }).toEqual({ regular: [], bold: [] });
  });
});
