// Every offered language is complete and consistent with English: the same namespaces and keys,
// the plural forms its CLDR rules need (Intl.PluralRules), the same {{placeholders}}, product
// names kept, and no English left standing in for a translation.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupPlurals, localeNamespaces, placeholders, readLanguage } from '../../scripts/l10n/locale-tree';
import { LANGUAGES } from './languages';
import { NAMESPACES } from './namespaces';
import sameAsEnglish from '../../assets/locales/same-as-english.json';

const root = path.join(__dirname, '..', '..');
const english = groupPlurals(readLanguage(root, 'en'));

/** Names that stay as they are in every language (ADR 040). */
const PRODUCT_TERMS = ['Spectrum', 'FIDO2', 'NixOS', 'LUKS'];

/**
 * Texts that are rightly the same as English in a language (names, words the language shares
 * with English), each with its reason, in assets/locales/same-as-english.json; "*" holds those
 * of every language. Anything else equal to English is an untranslated string.
 */
const SAME_AS_ENGLISH = sameAsEnglish as Record<string, Record<string, string>>;
const allowedSame = (lang: string) => [...Object.keys(SAME_AS_ENGLISH['*'] ?? {}), ...Object.keys(SAME_AS_ENGLISH[lang] ?? {})].sort();

/** `apps:search.count` → `assets/locales/fi/apps.json › search.count`: where to add or fix it. */
const fileKey = (lang: string, key: string) =>
  `assets/locales/${lang}/${key.slice(0, key.indexOf(':'))}.json › ${key.slice(key.indexOf(':') + 1)}`;

const pluralCategories = (lang: string) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
const COUNT_NAMES = new Set(['count', 'n']);

describe.each(LANGUAGES.map((l) => l.code))('locale %s', (lang) => {
  const groups = groupPlurals(readLanguage(root, lang));

  it('has a file per namespace, and no other', () => {
    expect(localeNamespaces(root, lang)).toEqual([...NAMESPACES].sort());
  });

  it('has exactly the keys English has', () => {
    const missing = [...english.keys()]
      .filter((k) => !groups.has(k))
      .map((k) => `${fileKey(lang, k)}: ${JSON.stringify([...english.get(k)!.values()][0])}`);
    const extra = [...groups.keys()].filter((k) => !english.has(k)).map((k) => fileKey(lang, k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("has each plural key in exactly its language's CLDR plural forms", () => {
    const wanted = pluralCategories(lang);
    const problems: string[] = [];
    for (const [base, forms] of groups) {
      const plural = english.get(base)?.has(null) === false;
      const have = [...forms.keys()].map((c) => c ?? '(plain)').sort();
      if (plural && JSON.stringify(have) !== JSON.stringify(wanted))
        problems.push(`${base}: ${have.join(', ')} (wants ${wanted.join(', ')})`);
      if (!plural && (forms.size !== 1 || !forms.has(null))) problems.push(`${base}: plural forms on a key English has as plain text`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the placeholders of English', () => {
    const problems: string[] = [];
    for (const [base, forms] of groups) {
      const en = english.get(base);
      if (!en) continue;
      const wanted = new Set([...en.values()].flatMap((text) => [...placeholders(text)]));
      for (const [category, text] of forms) {
        const have = placeholders(text);
        const extra = [...have].filter((p) => !wanted.has(p));
        // A plural form may say its number in words ("two minutes"): count and n may be left out.
        const lacking = [...wanted].filter((p) => !have.has(p) && !(category !== null && COUNT_NAMES.has(p)));
        if (extra.length || lacking.length)
          problems.push(`${base}${category ? `_${category}` : ''}: +${extra.join(',')} -${lacking.join(',')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has text for every key, with product names kept', () => {
    const problems: string[] = [];
    for (const [base, forms] of groups) {
      const en = [...(english.get(base)?.values() ?? [])].join(' ');
      for (const text of forms.values()) {
        if (!text.trim()) problems.push(`${base}: empty`);
        for (const term of PRODUCT_TERMS) if (en.includes(term) && !text.includes(term)) problems.push(`${base}: lost ${term}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe.each(LANGUAGES.filter((l) => l.code !== 'en').map((l) => l.code))('translation %s', (lang) => {
  const groups = groupPlurals(readLanguage(root, lang));

  it('has no English left untranslated (but for the listed names)', () => {
    const same = [...groups]
      .filter(([base, forms]) => {
        const en = english.get(base);
        return en !== undefined && [...forms].some(([c, text]) => en.get(c) === text || en.get('other') === text);
      })
      .map(([base]) => base);
    expect({
      untranslated: same.filter((k) => !allowedSame(lang).includes(k)).map((k) => fileKey(lang, k)),
      staleAllowList: allowedSame(lang).filter((k) => !same.includes(k)),
    }).toEqual({ untranslated: [], staleAllowList: [] });
  });
});
