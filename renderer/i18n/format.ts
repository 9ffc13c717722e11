// Numbers, sizes and times through Intl, in the page's language, with its digits set explicitly
// (intlLocale, ADR 045): every function takes the page's language code.
import { intlLocale } from './languages';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Decimal units (1 GB = 10⁹ bytes), as disks are labelled. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

export function formatPercent(fraction: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A running clock such as 4:05 or 1:02:03, digits in the language's own numbering. */
export function formatClock(ms: number, locale: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = new Intl.NumberFormat(intlLocale(locale), { minimumIntegerDigits: 2 });
  const one = new Intl.NumberFormat(intlLocale(locale));
  return h > 0 ? `${one.format(h)}:${two.format(m)}:${two.format(s)}` : `${one.format(m)}:${two.format(s)}`;
}

/** "5 seconds ago", "now". */
export function formatAgo(ms: number, locale: string): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const rtf = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  return seconds < 60 ? rtf.format(-seconds, 'second') : rtf.format(-Math.round(seconds / 60), 'minute');
}

/** "about 12 minutes" style durations, rounded to whole minutes (at least 1). */
export function formatMinutes(minutes: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(Math.max(1, Math.round(minutes)));
}

export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
}
