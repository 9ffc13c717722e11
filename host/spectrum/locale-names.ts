// From the plan's names to the names the host's configuration files use: a BCP 47 tag to a
// POSIX locale, and an XKB layout/variant to the Linux console keymap the unlock prompt loads.
import { unlockKeymap } from '../../shared/keyboard/unlock-keymaps';

/** The usual country of a language when the tag names none. */
const DEFAULT_REGION: Readonly<Record<string, string>> = {
  ar: 'EG',
  cs: 'CZ',
  da: 'DK',
  de: 'DE',
  el: 'GR',
  en: 'US',
  es: 'ES',
  et: 'EE',
  fi: 'FI',
  fr: 'FR',
  he: 'IL',
  hu: 'HU',
  it: 'IT',
  ja: 'JP',
  ko: 'KR',
  lt: 'LT',
  lv: 'LV',
  nb: 'NO',
  nl: 'NL',
  pl: 'PL',
  pt: 'PT',
  ro: 'RO',
  ru: 'RU',
  sk: 'SK',
  sl: 'SI',
  sv: 'SE',
  tr: 'TR',
  uk: 'UA',
  zh: 'CN',
};

export function posixLocale(tag: string): string {
  const m = /^([a-z]{2,3})(?:-([A-Z][a-z]{3}))?(?:-([A-Z]{2}|\d{3}))?$/.exec(tag);
  if (!m) return 'C.UTF-8';
  const [, lang, script, region] = m;
  const country = region && /^[A-Z]{2}$/.test(region) ? region : DEFAULT_REGION[lang!];
  if (!country) return 'C.UTF-8';
  const modifier = script === 'Latn' ? '@latin' : '';
  return `${lang}_${country}.UTF-8${modifier}`;
}

/**
 * The console keymap for the plan's layout, by the shared rule (ADR 033). The plan rules refuse
 * a layout without one, so a plan that reached a step always has one; never a guessed name.
 */
export function consoleKeymap(layout: string, variant: string): string {
  const keymap = unlockKeymap({ layout, variant });
  if (keymap === null) throw new Error(`no console keymap for the layout ${layout}(${variant})`);
  return keymap;
}
