// The languages the wizard offers. Each is named in its own language and script, so a person
// finds theirs whatever language the page is in now.

export interface Language {
  /** BCP 47 tag: the i18next language, <html lang>, Intl locale and the plan's `locale`. */
  readonly code: string;
  /** The language's name in itself (not translated). */
  readonly nativeName: string;
  readonly dir: 'ltr' | 'rtl';
  /** XKB layout suggested when a person picks this language and has not picked a layout. */
  readonly keyboard: { readonly layout: string; readonly variant: string };
  /**
   * The digits every number is shown in (a Unicode numbering system, set explicitly in every
   * Intl formatter: ICU's default for a language differs between versions). ADR 045.
   */
  readonly digits: 'latn' | 'arab' | 'arabext';
}

export const LANGUAGES: readonly Language[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr', keyboard: { layout: 'us', variant: '' }, digits: 'latn' },
  { code: 'fi', nativeName: 'Suomi', dir: 'ltr', keyboard: { layout: 'fi', variant: '' }, digits: 'latn' },
  { code: 'de', nativeName: 'Deutsch', dir: 'ltr', keyboard: { layout: 'de', variant: '' }, digits: 'latn' },
  { code: 'fr', nativeName: 'Français', dir: 'ltr', keyboard: { layout: 'fr', variant: '' }, digits: 'latn' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl', keyboard: { layout: 'ara', variant: '' }, digits: 'latn' },
];

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

/** The offered language closest to a browser or system preference ("fi-FI" → "fi"). */
export function matchLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (findLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}
