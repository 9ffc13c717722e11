// An i18next formatter that sends every number interpolated into a string through
// Intl.NumberFormat in the page's language (with `alwaysFormat`), so `{{count}}`, `{{min}}` and
// friends get the language's digits and separators while `count` still picks the plural form.
// Strings (already formatted sizes, times, lists, names) pass through unchanged.
import type { FormatterModule } from 'i18next';

const cache = new Map<string, Intl.NumberFormat>();

export function formatInterpolated(value: unknown, lng: string | undefined): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value;
  const locale = lng ?? 'en';
  let f = cache.get(locale);
  if (!f) {
    f = Intl.NumberFormat.supportedLocalesOf(locale).length ? new Intl.NumberFormat(locale) : new Intl.NumberFormat();
    cache.set(locale, f);
  }
  return f.format(value);
}

export const intlFormatter: FormatterModule = {
  type: 'formatter',
  init() {},
  add() {},
  addCached() {},
  format: (value, _format, lng) => formatInterpolated(value, lng) as string,
};
