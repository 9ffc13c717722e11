// The pseudo-locale (ADR 041): English made visibly foreign so reviewers spot what is not
// translated (plain ASCII), what is cut off (a missing closing bracket) and what does not
// grow with the text (about 40% longer, in words that wrap as real ones do). Placeholders and
// nesting stay as they are, so interpolation and plurals work unchanged.
import type { ResourceKey } from 'i18next';

// Every replacement lies in Latin-1, Latin Extended-A/B or Latin Extended Additional: the
// bundled Noto Sans subset covers them (renderer/i18n/fonts.test.ts).
const ACCENTED: Readonly<Record<string, string>> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ṁ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Đ',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

const FILLER = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua';

/** What must reach i18next untouched: {{placeholders}} and $t(nesting). */
const PROTECTED = /(\{\{[^}]*\}\}|\$t\([^)]*\))/;

export const PSEUDO_OPEN = '[';
export const PSEUDO_CLOSE = ']';
export const PSEUDO_GROWTH = 0.4;

export function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c);
}

/** `n` characters of accented filler words, cut at `n`. */
function filler(n: number): string {
  let out = '';
  while (out.length < n) out += (out ? ' ' : '') + FILLER;
  return accent(out.slice(0, n).trimEnd());
}

export function pseudoText(text: string): string {
  if (text.trim() === '') return text;
  const parts = text.split(PROTECTED);
  const visible = parts.filter((_, i) => i % 2 === 0).join('');
  const grown = parts.map((p, i) => (i % 2 === 0 ? accent(p) : p)).join('');
  const extra = visible.trim() ? filler(Math.max(2, Math.ceil(visible.length * PSEUDO_GROWTH))) : '';
  return `${PSEUDO_OPEN}${grown}${extra ? ` ${extra}` : ''}${PSEUDO_CLOSE}`;
}

/** A whole namespace (nested objects of strings), every string made pseudo. */
export function pseudoResources(resources: ResourceKey): ResourceKey {
  if (typeof resources === 'string') return pseudoText(resources);
  if (typeof resources !== 'object' || resources === null) return resources;
  return Object.fromEntries(Object.entries(resources).map(([k, v]) => [k, pseudoResources(v as ResourceKey)]));
}
