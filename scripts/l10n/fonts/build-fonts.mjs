// Subsets Debian's Noto fonts into WOFF2 files for the renderer, at build time, with
// subset-font (HarfBuzz's hb-subset): renderer/generated/fonts/*.woff2 and a fonts.css with
// each face's unicode-range and each language's font stack. Cached: a run with the same inputs
// (these scripts, the languages, the CJK languages' strings, the source fonts) does nothing.
//   node scripts/build.mjs fonts [--force]   (bundled there: scripts/lib/typescript.mjs)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';
import { fontCodePoints } from '../font-coverage.mjs';
import { root as repo } from '../../lib/paths.mjs';
import { localeNamespaces, readLanguage } from '../locale-tree';
import { DEFAULT_STACK, FACE_SOURCES, FONT_STACKS } from './faces.mjs';
import { fontFromCollection } from './ttc.mjs';

/** @typedef {import('./faces.mjs').FaceSource} FaceSource */
/** @typedef {{ code: string, nativeName: string, script: keyof typeof FONT_STACKS }} LanguageEntry */

// This folder in the project (not where a bundle of it lies): its scripts are hashed.
const here = path.join(repo, 'scripts', 'l10n', 'fonts');
export const FONTS_OUT = path.join(repo, 'renderer', 'generated', 'fonts');
export const FONTS_CSS = path.join(FONTS_OUT, 'fonts.css');

/** @returns {LanguageEntry[]} */
function languages() {
  return JSON.parse(readFileSync(path.join(repo, 'assets', 'locales', 'languages.json'), 'utf8'));
}

/** `U+0600-06FF, U+FB50` → code points. @param {string} ranges */
export function parseRanges(ranges) {
  return ranges
    .split(',')
    .map((r) => r.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .flatMap((r) => {
      const [a, b] = r.split('-').map((x) => parseInt(x, 16));
      return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => a + i);
    });
}

/** Code points → `U+3001-3002, U+300C`. @param {Iterable<number>} points */
export function formatRanges(points) {
  const sorted = [...new Set(points)].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const hex = (/** @type {number} */ n) => n.toString(16).toUpperCase().padStart(4, '0');
    out.push(i === j ? `U+${hex(sorted[i])}` : `U+${hex(sorted[i])}-${hex(sorted[j])}`);
    i = j + 1;
  }
  return out.join(', ');
}

/**
 * What Intl may write for the sizes, durations, times and lists the wizard formats, in a
 * language: a superset of renderer/i18n/format.ts's output (renderer/i18n/fonts.test.ts checks).
 * @param {string} lang
 */
export function intlText(lang) {
  const locale = `${lang}-u-nu-latn`;
  const parts = [];
  for (const unit of ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'second', 'minute', 'hour', 'day', 'percent']) {
    for (const unitDisplay of /** @type {const} */ (['short', 'long', 'narrow'])) {
      const f = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay });
      parts.push(...[0, 1, 2, 3, 5, 12, 21, 1.5].map((v) => f.format(v)));
    }
  }
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const unit of /** @type {const} */ (['second', 'minute', 'hour']))
    for (const v of [0, -1, -2, -5, -12, -59]) parts.push(rtf.format(v, unit));
  parts.push(new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(['a', 'b', 'c']));
  parts.push(new Intl.NumberFormat(locale, { style: 'percent' }).format(0.42), new Intl.NumberFormat(locale).format(1234567.5));
  return parts.join(' ');
}

/** The text a script's CJK faces must draw: its languages' strings and Intl output, and the names. @param {string} script */
function scriptText(script) {
  const own = languages().filter((l) => l.script === script);
  const strings = own.flatMap((l) => (localeNamespaces(repo, l.code).length ? [...readLanguage(repo, l.code).values()] : []));
  const text = [...strings, ...own.map((l) => intlText(l.code))].join(' ').replace(/\{\{[^}]*\}\}/g, '');
  // CJK punctuation is kept whole: a translator's new string may use any of it.
  const punctuation = parseRanges('U+3000-303F, U+FF01-FF0F, U+FF1A-FF20, U+FF5B-FF65');
  const names = own.map((l) => l.nativeName).join('');
  return {
    text: [...new Set([...text].map((c) => /** @type {number} */ (c.codePointAt(0))).concat(punctuation))],
    names: [...new Set([...names].map((c) => /** @type {number} */ (c.codePointAt(0))))],
  };
}

/** `NotoSans-Regular`, `NotoSansCJKJP-Bold`: the Noto files' own naming. @param {FaceSource} f */
function baseName(f) {
  return `${f.family.replace(/\s+/g, '')}-${f.weight === 700 ? 'Bold' : 'Regular'}`;
}

/** Everything the output depends on, hashed. */
function inputsHash() {
  const h = createHash('sha256');
  for (const file of ['build-fonts.mjs', 'faces.mjs', 'ttc.mjs']) h.update(readFileSync(path.join(here, file)));
  h.update(readFileSync(path.join(repo, 'assets', 'locales', 'languages.json')));
  h.update(readFileSync(path.join(repo, 'node_modules', 'subset-font', 'package.json')));
  for (const l of languages().filter((x) => ['Jpan', 'Hans', 'Kore'].includes(x.script))) {
    for (const ns of localeNamespaces(repo, l.code)) h.update(readFileSync(path.join(repo, 'assets', 'locales', l.code, `${ns}.json`)));
  }
  for (const f of FACE_SOURCES) {
    const s = statSync(f.source);
    h.update(`${f.source}:${s.size}:${s.mtimeMs}`);
  }
  return h.digest('hex');
}

/** @type {Map<string, Buffer>} */
const sources = new Map();
/** @param {FaceSource} f */
function sourceFont(f) {
  const key = `${f.source}#${f.face ?? ''}`;
  let font = sources.get(key);
  if (!font) {
    if (!existsSync(f.source)) throw new Error(`fonts: ${f.source} is missing (Debian packages fonts-noto-core and fonts-noto-cjk)`);
    const file = readFileSync(f.source);
    font = f.face ? fontFromCollection(file, f.face) : file;
    sources.set(key, font);
  }
  return font;
}

/**
 * One file of a face: the kept code points, written as WOFF2; its unicode-range is what the
 * file really maps (its cmap), so the CSS never promises a glyph the file lacks.
 * @param {FaceSource} f @param {number[]} points @param {string} file
 */
async function writeSlice(f, points, file) {
  const text = String.fromCodePoint(...points.filter((p) => p >= 0x20));
  const woff2 = await subsetFont(sourceFont(f), text, { targetFormat: 'woff2' });
  writeFileSync(path.join(FONTS_OUT, file), woff2);
  const wanted = new Set(points);
  return { file, ranges: formatRanges([...fontCodePoints(path.join(FONTS_OUT, file))].filter((p) => wanted.has(p))), bytes: woff2.length };
}

/** @param {string} family @param {number} weight @param {string} file @param {string} ranges */
function fontFace(family, weight, file, ranges) {
  return `@font-face {\n  font-family: '${family}';\n  font-style: normal;\n  font-weight: ${weight};\n  font-display: swap;\n  src: url('./${file}') format('woff2');\n  unicode-range: ${ranges};\n}\n`;
}

/** @param {string[]} families */
const stack = (families) => [...families.map((f) => `'${f}'`), 'system-ui', 'sans-serif'].join(', ');
/**
 * Monospace text: the script's own faces first (their unicode-range leaves Latin to the next),
 * the system's monospace fonts, and Noto Sans last, so a machine with no monospace font still
 * draws every Latin, Greek and Cyrillic character with a bundled face.
 * @param {string[]} families
 */
const monoStack = (families) =>
  [
    ...families.filter((f) => f !== 'Noto Sans').map((f) => `'${f}'`),
    'ui-monospace',
    "'DejaVu Sans Mono'",
    "'Liberation Mono'",
    'monospace',
    "'Noto Sans'",
  ].join(', ');

/** Builds the fonts unless the last build had the same inputs. @param {{ force?: boolean, log?: (s: string) => void }} [options] */
export async function buildFonts({ force = false, log = () => {} } = {}) {
  const hash = inputsHash();
  const stamp = path.join(FONTS_OUT, 'inputs.sha256');
  if (!force && existsSync(FONTS_CSS) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return { built: false, files: [] };
  const started = Date.now();
  rmSync(FONTS_OUT, { recursive: true, force: true });
  mkdirSync(FONTS_OUT, { recursive: true });
  const css = [
    "/* Generated by scripts/l10n/fonts/build-fonts.mjs from Debian's Noto fonts (SIL OFL 1.1, assets/fonts/OFL.txt): do not edit. */\n",
  ];
  const files = [];
  for (const f of FACE_SOURCES) {
    const slices = [];
    if ('ranges' in f) slices.push(await writeSlice(f, parseRanges(f.ranges), `${baseName(f)}.woff2`));
    else {
      const { text, names } = scriptText(f.script);
      const nameSet = new Set(names);
      slices.push(await writeSlice(f, names, `${baseName(f)}-names.woff2`));
      const rest = text.filter((p) => !nameSet.has(p));
      if (rest.length) slices.push(await writeSlice(f, rest, `${baseName(f)}-text.woff2`));
    }
    for (const s of slices) {
      if (!s.ranges) continue;
      css.push(fontFace(f.family, f.weight, s.file, s.ranges));
      files.push(s);
    }
  }
  css.push(`:root {\n  --font: ${stack(DEFAULT_STACK)};\n  --mono: ${monoStack(DEFAULT_STACK)};\n}\n`);
  for (const l of languages()) {
    if (l.script === 'Latn' || l.script === 'Cyrl') continue;
    css.push(`:lang(${l.code}) {\n  font-family: ${stack(FONT_STACKS[l.script])};\n  --mono: ${monoStack(FONT_STACKS[l.script])};\n}\n`);
  }
  writeFileSync(FONTS_CSS, css.join('\n'));
  writeFileSync(stamp, hash);
  log(
    `fonts: ${files.length} files, ${(files.reduce((s, f) => s + f.bytes, 0) / 1024).toFixed(0)} KiB, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { built: true, files };
}
