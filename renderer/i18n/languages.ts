// The languages the wizard offers, one table for the page, the checks, the fonts and the gallery
// (assets/locales/languages.json). Each is named in its own language and script, so a person
// finds theirs whatever language the page is in now.
import table from '../../assets/locales/languages.json' with { type: 'json' };

/** ISO 15924 scripts the bundled fonts are chosen by (scripts/l10n/fonts/). */
export type Script = 'Latn' | 'Cyrl' | 'Arab' | 'Hebr' | 'Jpan' | 'Hans' | 'Kore';

export interface Language {
  /** BCP 47 tag: the i18next language, <html lang>, Intl locale and the plan's `locale`. */
  readonly code: string;
  /** The language's name in itself (not translated). */
  readonly nativeName: string;
  /** Its English name: found by the picker's search, used in docs and the gallery. */
  readonly englishName: string;
  readonly dir: 'ltr' | 'rtl';
  readonly script: Script;
  /**
   * The digits every number is shown in (a Unicode numbering system, set explicitly in every
   * Intl formatter: ICU's default for a language differs between versions). ADR 045.
   */
  readonly digits: 'latn' | 'arab' | 'arabext';
  /**
   * Whether its text is typed through an input method (Japanese, Chinese, Korean): the unlock
   * prompt at boot has none, so the wizard says so before a passphrase is chosen (ADR 048).
   */
  readonly inputMethod: boolean;
  /** XKB layout suggested when a person picks this language and has not picked a layout. */
  readonly keyboard: { readonly layout: string; readonly variant: string };
  /** Other names a person may type to find it (romanizations, endonym spellings). */
  readonly aliases: readonly string[];
}

export const LANGUAGES: readonly Language[] = table as readonly Language[];

export const DEFAULT_LANGUAGE = 'en';

/**
 * Reviewer-only display languages (ADR 041), never offered to a person setting up a machine:
 * the pseudo-locale (accented, longer, bracketed English) and i18next's key-only mode.
 */
export const PSEUDO_LOCALE = 'en-XA';
export const KEYS_LOCALE = 'cimode';

export function findLanguage(code: string): Language | undefined {
  return LANGUAGES.find((l) => l.code === code);
}

/**
 * The locale to hand Intl for a language: its tag with the numbering system made explicit
 * (`ar` → `ar-u-nu-latn`), so digits never depend on the ICU version (ADR 045). Reviewer
 * display languages and unknown tags get Latin digits.
 */
export function intlLocale(code: string): string {
  const digits = findLanguage(code)?.digits ?? 'latn';
  try {
    const [canonical] = Intl.getCanonicalLocales(code);
    return `${canonical ?? 'en'}-u-nu-${digits}`;
  } catch {
    return `en-u-nu-${digits}`;
  }
}

export function directionOf(code: string): 'ltr' | 'rtl' {
  return findLanguage(code)?.dir ?? 'ltr';
}

/** Chinese tags that mean simplified characters: plain zh, zh-Hans-…, zh-CN, zh-SG, zh-MY. */
const isSimplifiedChinese = (tag: string) => {
  const [language, next] = tag.split('-');
  return language === 'zh' && (next === undefined || ['hans', 'cn', 'sg', 'my'].includes(next));
};

/**
 * The offered language closest to a browser or system preference: the exact tag
 * ("pt-BR"), else Chinese in simplified characters for zh-CN and plain zh, else the first
 * offered language with the same base language ("fi-FI" → "fi", "pt-PT" → "pt-BR").
 */
export function matchLanguage(preferred: readonly string[]): string {
  for (const raw of preferred) {
    const tag = raw.toLowerCase();
    const exact = LANGUAGES.find((l) => l.code.toLowerCase() === tag);
    if (exact) return exact.code;
    if (tag.startsWith('zh')) {
      const hans = isSimplifiedChinese(tag) ? LANGUAGES.find((l) => l.code === 'zh-Hans') : undefined;
      if (hans) return hans.code;
      continue;
    }
    const base = tag.split('-')[0] ?? '';
    const sameBase = LANGUAGES.find((l) => l.code.toLowerCase().split('-')[0] === base);
    if (sameBase) return sameBase.code;
  }
  return DEFAULT_LANGUAGE;
}
