// The fonts the wizard bundles (ADR 042, 048): which Noto font draws which script, where
// Debian puts it, and what of it is kept. Latin, Greek and Cyrillic, Arabic and Hebrew keep
// whole Unicode blocks (a person may type any of it); Chinese, Japanese and Korean keep the
// characters the wizard's text uses, split into a tiny slice with the languages' own names
// (the language picker shows them on every start) and the rest, fetched only once text in that
// language is on screen.

export const NOTO = '/usr/share/fonts/truetype/noto';
export const NOTO_CJK = '/usr/share/fonts/opentype/noto';

/** @typedef {'Latn' | 'Cyrl' | 'Arab' | 'Hebr' | 'Jpan' | 'Hans' | 'Kore'} Script */
/**
 * @typedef {{ family: string, weight: number, source: string, face?: string } & (
 *   { ranges: string } | { script: Script }
 * )} FaceSource
 *   ranges: the unicode-range kept; script: keep the text of the languages written in it
 */

const LATIN_GREEK_CYRILLIC =
  'U+0000-024F, U+0259, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0300-036F, U+0370-03FF, U+0400-04FF, U+1E00-1EFF, U+2000-206F, U+2070-22FF, U+2300-23FF, U+25A0-27BF, U+FEFF, U+FFFD';
const ARABIC = 'U+0600-06FF, U+0750-077F, U+0870-08FF, U+FB50-FDFF, U+FE70-FEFC, U+200C-200F';
const HEBREW = 'U+0590-05FF, U+FB1D-FB4F';

const WEIGHTS = /** @type {const} */ ([
  [400, 'Regular'],
  [700, 'Bold'],
]);

/** @type {FaceSource[]} */
export const FACE_SOURCES = WEIGHTS.flatMap(([weight, style]) => [
  { family: 'Noto Sans', weight, source: `${NOTO}/NotoSans-${style}.ttf`, ranges: LATIN_GREEK_CYRILLIC },
  { family: 'Noto Sans Arabic', weight, source: `${NOTO}/NotoSansArabic-${style}.ttf`, ranges: ARABIC },
  { family: 'Noto Sans Hebrew', weight, source: `${NOTO}/NotoSansHebrew-${style}.ttf`, ranges: HEBREW },
  { family: 'Noto Sans CJK JP', weight, source: `${NOTO_CJK}/NotoSansCJK-${style}.ttc`, face: `NotoSansCJKjp-${style}`, script: 'Jpan' },
  { family: 'Noto Sans CJK SC', weight, source: `${NOTO_CJK}/NotoSansCJK-${style}.ttc`, face: `NotoSansCJKsc-${style}`, script: 'Hans' },
  { family: 'Noto Sans CJK KR', weight, source: `${NOTO_CJK}/NotoSansCJK-${style}.ttc`, face: `NotoSansCJKkr-${style}`, script: 'Kore' },
]);

/** The families text in each script is drawn with, first choice first. */
export const FONT_STACKS = {
  Latn: ['Noto Sans'],
  Cyrl: ['Noto Sans'],
  Arab: ['Noto Sans Arabic', 'Noto Sans'],
  Hebr: ['Noto Sans Hebrew', 'Noto Sans'],
  Jpan: ['Noto Sans', 'Noto Sans CJK JP'],
  Hans: ['Noto Sans', 'Noto Sans CJK SC'],
  Kore: ['Noto Sans', 'Noto Sans CJK KR'],
};

/** Where a page has no language of its own: every alphabetic face (never a CJK one: which is ambiguous). */
export const DEFAULT_STACK = ['Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew'];

/** Debian packages the sources come from (scripts/lib/setup.mjs installs them). */
export const FONT_PACKAGES = ['fonts-noto-core', 'fonts-noto-cjk'];
