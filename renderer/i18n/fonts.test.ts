// Every character the wizard can show is drawn by a bundled font, in regular and in bold, in
// the fonts its language's text is set in: each language's strings, what Intl makes of numbers,
// sizes and times in that language, every language's own name (the picker shows them all, each
// in its own language), and the pseudo-locale. A character must be both in a face's
// unicode-range and in that font file's cmap (the subset fonts are built by the global setup,
// scripts/l10n/fonts/build-fonts.mjs).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontCodePoints, fontFaces } from '../../scripts/l10n/font-coverage.mjs';
import { DEFAULT_STACK, FONT_STACKS } from '../../scripts/l10n/fonts/faces.mjs';
import { FONTS_CSS } from '../../scripts/l10n/fonts/build-fonts.mjs';
import { readLanguage } from '../../scripts/l10n/locale-tree';
import { formatAgo, formatBytes, formatClock, formatList, formatMinutes, formatNumber, formatPercent } from './format';
import { LANGUAGES, PSEUDO_LOCALE, findLanguage } from './languages';
import { pseudoText } from './pseudo';

const root = path.join(__dirname, '..', '..');
const faces = fontFaces(FONTS_CSS).map((f) => ({ ...f, glyphs: fontCodePoints(f.file) }));

function intlSamples(lang: string): string[] {
  return [
    formatBytes(1_234_567_890, lang),
    formatBytes(734_003_200, lang),
    formatBytes(512, lang),
    formatPercent(0.42, lang),
    formatClock(3_723_000, lang),
    formatAgo(0, lang),
    formatAgo(5_000, lang),
    formatAgo(180_000, lang),
    formatMinutes(1, lang),
    formatMinutes(12, lang),
    formatList(['a', 'b', 'c'], lang),
    formatNumber(1_234_567.5, lang),
  ];
}

/** The families a language's text is set in: its script's stack, or the page default. */
function stackOf(lang: string): readonly string[] {
  const script = findLanguage(lang)?.script ?? 'Latn';
  return script === 'Latn' || script === 'Cyrl' ? DEFAULT_STACK : FONT_STACKS[script];
}

function textsOf(lang: string): string[] {
  const strings = [...readLanguage(root, lang === PSEUDO_LOCALE ? 'en' : lang).values()].map((s) => s.replace(/\{\{[^}]*\}\}/g, ''));
  return [...(lang === PSEUDO_LOCALE ? strings.map(pseudoText) : strings), ...intlSamples(lang)];
}

/** Characters that need no glyph: controls and default-ignorable marks (LRM, RLM, ALM, ZWJ, FSI, PDI…). */
const NO_GLYPH = /[\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

function uncovered(texts: readonly string[], families: readonly string[], weight: number): string[] {
  const chars = new Set([...texts.join('')].filter((c) => !NO_GLYPH.test(c)));
  const drawn = (cp: number) =>
    faces.some(
      (f) => families.includes(f.family) && f.weight === weight && f.ranges.some(([a, b]) => cp >= a && cp <= b) && f.glyphs.has(cp),
    );
  return [...chars]
    .filter((c) => !drawn(c.codePointAt(0)!))
    .map((c) => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

describe('bundled fonts', () => {
  it('are read (every face in both weights, with glyphs)', () => {
    const families = [...new Set(faces.map((f) => f.family))];
    for (const family of families)
      expect(faces.filter((f) => f.family === family).map((f) => f.weight)).toEqual(expect.arrayContaining([400, 700]));
    expect(families).toEqual(expect.arrayContaining([...new Set(LANGUAGES.flatMap((l) => stackOf(l.code)))]));
    expect(faces.every((f) => f.glyphs.size > 0)).toBe(true);
  });

  it.each([...LANGUAGES.map((l) => l.code), PSEUDO_LOCALE])('draw every character of %s, regular and bold, in its own fonts', (lang) => {
    const texts = textsOf(lang);
    expect({ regular: uncovered(texts, stackOf(lang), 400), bold: uncovered(texts, stackOf(lang), 700) }).toEqual({
      regular: [],
      bold: [],
    });
  });

  it.each(LANGUAGES.map((l) => [l.code, l.nativeName] as const))('draw the name of %s (%s) in its own fonts', (lang, name) => {
    expect({ regular: uncovered([name], stackOf(lang), 400), bold: uncovered([name], stackOf(lang), 700) }).toEqual({
      regular: [],
      bold: [],
    });
  });
});
