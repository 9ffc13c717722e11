import { describe, expect, it } from 'vitest';
import { formatNumber } from './format';
import { LANGUAGES, PSEUDO_LOCALE, intlLocale } from './languages';

describe('formatNumber', () => {
  it('writes every whole number up to 999 as Intl does, in every offered language and the pseudo-locale', () => {
    for (const code of [...LANGUAGES.map((l) => l.code), PSEUDO_LOCALE]) {
      const intl = new Intl.NumberFormat(intlLocale(code));
      for (let n = 0; n <= 999; n++) expect(formatNumber(n, code), `${code} ${n}`).toBe(intl.format(n));
    }
  });

  it('uses each language’s own digits', () => {
    expect(formatNumber(7, 'en')).toBe('7');
    expect(formatNumber(7, 'fa')).toBe('۷');
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(-3, 'en')).toBe('-3');
    expect(formatNumber(2.5, 'de')).toBe('2,5');
  });
});
