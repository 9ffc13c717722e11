// Numbers, sizes and times through Intl, in the page's language, with its digits set explicitly
// (intlLocale, ADR 045): every function takes the page's language code. Each formatter is made
// once per language and options: making one costs far more than using it (ADR 054).
import { findLanguage, intlLocale, type Language } from './languages';

const kept = new Map<string, Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.ListFormat>();

function keep<T extends Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.ListFormat>(
  kind: string,
  locale: string,
  options: object,
  make: () => T,
): T {
  const key = `${kind}\u0000${locale}\u0000${JSON.stringify(options)}`;
  let f = kept.get(key) as T | undefined;
  if (!f) {
    f = make();
    kept.set(key, f);
  }
  return f;
}

const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  keep('number', locale, options, () => new Intl.NumberFormat(intlLocale(locale), options));

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Decimal units (1 GB = 10⁹ bytes), as disks are labelled. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

/** The zero of each numbering system the offered languages use (languages.ts `digits`). */
const ZERO: Record<Language['digits'], number> = { latn: 0x30, arab: 0x660, arabext: 0x6f0 };

/**
 * A whole number from 0 to 999 needs no Intl formatter: no offered language groups or marks it,
 * so it is its digits in the language's numbering system. Making the first Intl.NumberFormat
 * of a page costs ~15 ms of ICU data, most of the step list's first render (ADR 120).
 */
function smallWholeNumber(value: number, locale: string): string | null {
  if (!Number.isInteger(value) || value < 0 || value > 999) return null;
  const zero = ZERO[findLanguage(locale)?.digits ?? 'latn'];
  return String.fromCharCode(...Array.from(String(value), (d) => zero + d.charCodeAt(0) - 0x30));
}

export function formatNumber(value: number, locale: string): string {
  return smallWholeNumber(value, locale) ?? numberFormat(locale).format(value);
}

export function formatPercent(fraction: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A running clock such as 4:05 or 1:02:03, digits in the language's own numbering. */
export function formatClock(ms: number, locale: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = numberFormat(locale, { minimumIntegerDigits: 2 });
  const one = numberFormat(locale);
  return h > 0 ? `${one.format(h)}:${two.format(m)}:${two.format(s)}` : `${one.format(m)}:${two.format(s)}`;
}

/** "5 seconds ago", "now". */
export function formatAgo(ms: number, locale: string): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const rtf = keep('relative', locale, {}, () => new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' }));
  return seconds < 60 ? rtf.format(-seconds, 'second') : rtf.format(-Math.round(seconds / 60), 'minute');
}

/** "about 12 minutes" style durations, rounded to whole minutes (at least 1). */
export function formatMinutes(minutes: number, locale: string): string {
  return numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(Math.max(1, Math.round(minutes)));
}

export function formatList(items: readonly string[], locale: string): string {
  return keep('list', locale, {}, () => new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' })).format(items);
}
