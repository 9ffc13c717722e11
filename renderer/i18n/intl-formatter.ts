// An i18next formatter run on every interpolated value (`alwaysFormat`):
// - numbers go through Intl.NumberFormat in the page's language with its digits set explicitly
//   (intlLocale, ADR 045), so `{{count}}`, `{{min}}` and friends get the language's digits and
//   separators while `count` still picks the plural form;
// - in a right-to-left language every value is isolated (FSI … PDI, ADR 046): a path, a device
//   name, a code or a Latin layout name keeps its own direction and cannot reorder the sentence
//   around it. Left-to-right pages get values unchanged.
import type { FormatterModule } from 'i18next';
import { directionOf, intlLocale } from './languages';

const cache = new Map<string, Intl.NumberFormat>();

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the value's direction comes from its own first letter. */
export const ISOLATE_START = '\u2068';
export const ISOLATE_END = '\u2069';

export function isolate(text: string): string {
  return `${ISOLATE_START}${text}${ISOLATE_END}`;
}

function formatNumber(value: number, locale: string): string {
  let f = cache.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale));
    cache.set(locale, f);
  }
  return f.format(value);
}

export function formatInterpolated(value: unknown, lng: string | undefined): unknown {
  const locale = lng ?? 'en';
  const text = typeof value === 'number' && Number.isFinite(value) ? formatNumber(value, locale) : value;
  if (typeof text !== 'string' || text === '' || directionOf(locale) !== 'rtl') return text;
  return isolate(text);
}

export const intlFormatter: FormatterModule = {
  type: 'formatter',
  init() {},
  add() {},
  addCached() {},
  format: (value, _format, lng) => formatInterpolated(value, lng) as string,
};
