import { describe, expect, it } from 'vitest';
import { findLanguage, LANGUAGES } from './languages';
import { foldForSearch, languageMatches } from './language-search';

const found = (query: string) => LANGUAGES.filter((l) => languageMatches(query, l)).map((l) => l.code);

describe('finding a language by name', () => {
  it('folds case, accents and full-width forms', () => {
    expect(foldForSearch('  FRANÇAIS ')).toBe('francais');
    expect(foldForSearch('ＤＥＵＴＳＣＨ')).toBe('deutsch');
  });

  it('finds a language by its own name, its English name, its code, or its name in another offered language', () => {
    expect(found('Deutsch')).toEqual(['de']);
    expect(found('german')).toEqual(['de']);
    expect(found('allemand')).toEqual(['de']);
    expect(found('saksa')).toEqual(['de']);
    expect(found('francais')).toEqual(['fr']);
    expect(found('العربية')).toEqual(['ar']);
    expect(found('arabe')).toContain('ar');
  });

  it('shows every language for an empty query', () => {
    expect(found('')).toHaveLength(LANGUAGES.length);
  });

  it.each(LANGUAGES.map((l) => l.code))('finds %s by its own name and by its English name', (code) => {
    const l = findLanguage(code)!;
    expect(found(l.nativeName)).toContain(code);
    expect(found(l.englishName)).toContain(code);
  });
});
