// Which characters the bundled fonts can draw: the cmap of a WOFF2 file (brotli stream, tables in
// directory order, cmap never transformed) and the @font-face rules of a stylesheet with their
// unicode-range. Used by renderer/i18n/fonts.test.ts to prove every shipped string has glyphs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

/** WOFF2's known-table index 0 is cmap; glyf (10) and loca (11) are transformed at version 0. */
const CMAP_INDEX = 0;
const GLYF_LOCA = new Set([10, 11]);

/** @param {Buffer} b @param {{ at: number }} p */
function base128(b, p) {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = b.readUInt8(p.at++);
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) return value;
  }
  throw new Error('bad UIntBase128');
}

/** The raw cmap table of a WOFF2 font. @param {Buffer} file */
function cmapTable(file) {
  if (file.toString('latin1', 0, 4) !== 'wOF2') throw new Error('not a WOFF2 file');
  const numTables = file.readUInt16BE(12);
  const compressedSize = file.readUInt32BE(20);
  const p = { at: 48 };
  let offset = 0;
  /** @type {{ offset: number, length: number } | null} */
  let cmap = null;
  for (let i = 0; i < numTables; i++) {
    const flags = file.readUInt8(p.at++);
    const index = flags & 0x3f;
    if (index === 63) p.at += 4; // an arbitrary tag follows
    const version = flags >> 6;
    const origLength = base128(file, p);
    const transformed = GLYF_LOCA.has(index) ? version === 0 : version !== 0;
    const length = transformed ? base128(file, p) : origLength;
    if (index === CMAP_INDEX) cmap = { offset, length };
    offset += length;
  }
  if (!cmap) throw new Error('no cmap table');
  const data = brotliDecompressSync(file.subarray(p.at, p.at + compressedSize));
  return data.subarray(cmap.offset, cmap.offset + cmap.length);
}

/** @param {Buffer} t @param {number} at @param {Set<number>} out */
function format4(t, at, out) {
  const segs = t.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const rangeOffsets = deltas + segs * 2;
  for (let s = 0; s < segs; s++) {
    const end = t.readUInt16BE(ends + s * 2);
    const start = t.readUInt16BE(starts + s * 2);
    const delta = t.readInt16BE(deltas + s * 2);
    const ro = t.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = t.readUInt16BE(rangeOffsets + s * 2 + ro + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
}

/** @param {Buffer} t @param {number} at @param {Set<number>} out */
function format12(t, at, out) {
  const groups = t.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const start = t.readUInt32BE(at + 16 + g * 12);
    const end = t.readUInt32BE(at + 20 + g * 12);
    for (let c = start; c <= end; c++) out.add(c);
  }
}

/** Code points with a glyph in a WOFF2 font. @param {string} file @returns {Set<number>} */
export function fontCodePoints(file) {
  const t = cmapTable(readFileSync(file));
  /** @type {Set<number>} */
  const out = new Set();
  const count = t.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const at = t.readUInt32BE(4 + i * 8 + 4);
    const format = t.readUInt16BE(at);
    if (format === 4) format4(t, at, out);
    else if (format === 12) format12(t, at, out);
  }
  return out;
}

/**
 * @typedef {{ family: string, weight: number, file: string, ranges: [number, number][] }} FontFace
 */

/** The @font-face rules of a stylesheet, font files resolved from its folder. @param {string} cssFile @returns {FontFace[]} */
export function fontFaces(cssFile) {
  const css = readFileSync(cssFile, 'utf8');
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => {
    const body = /** @type {string} */ (m[1]);
    const prop = (/** @type {string} */ name) => new RegExp(`${name}\\s*:\\s*([^;]+);`).exec(body)?.[1]?.trim() ?? '';
    const url = /url\(['"]?([^'")]+)['"]?\)/.exec(prop('src'))?.[1] ?? '';
    const ranges = prop('unicode-range')
      .split(',')
      .map((r) => r.trim().replace(/^U\+/i, ''))
      .filter(Boolean)
      .map((r) => {
        const [a, b] = r.split('-');
        return /** @type {[number, number]} */ ([parseInt(a ?? '', 16), parseInt(b ?? a ?? '', 16)]);
      });
    return {
      family: prop('font-family').replace(/['"]/g, ''),
      weight: Number(prop('font-weight') || 400),
      file: path.resolve(path.dirname(cssFile), url),
      ranges,
    };
  });
}
