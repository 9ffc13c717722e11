// The unlock prompt at boot runs on the Linux console, which loads kbd keymaps (`loadkeys`), not
// XKB layouts. This is the one rule, for the wizard (which layouts it offers), the helper (what
// it writes as KEYMAP and into the `spectrum-keyboard` token) and the unlock program (what it
// loads): an XKB layout is offered only when it has a console keymap that ships with the system
// (console-keymaps.ts, generated from kbd's keymaps by scripts/generate/console-keymaps.mjs).
// ADR 033.
import { CONSOLE_KEYMAPS } from './console-keymaps';
import { MODHEX_ALPHABET } from '../plan/recovery-key';

export interface XkbLayout {
  readonly layout: string;
  readonly variant: string;
}

/**
 * XKB layout(variant) → the kbd keymap that types the same characters on the same keys. A
 * layout missing here has no faithful console keymap (Arabic, Thai, AltGr-international…) and
 * is not offered: the passphrase typed in the wizard could not be typed at the prompt.
 */
const XKB_TO_CONSOLE: Readonly<Record<string, string>> = {
  us: 'us',
  'us(intl)': 'us-acentos',
  'us(dvorak)': 'dvorak',
  'us(colemak)': 'en-latin9',
  gb: 'uk',
  ie: 'ie',
  de: 'de',
  'de(nodeadkeys)': 'de-latin1-nodeadkeys',
  'de(neo)': 'neo',
  at: 'de',
  ch: 'sg',
  'ch(fr)': 'fr_CH',
  fr: 'fr',
  'fr(bepo)': 'fr-bepo',
  be: 'be-latin1',
  ca: 'cf',
  fi: 'fi',
  se: 'sv-latin1',
  no: 'no',
  dk: 'dk',
  is: 'is-latin1',
  ee: 'et',
  lv: 'lv',
  lt: 'lt',
  es: 'es',
  latam: 'la-latin1',
  pt: 'pt-latin1',
  br: 'br-abnt2',
  it: 'it',
  nl: 'nl',
  pl: 'pl',
  cz: 'cz',
  sk: 'sk-qwertz',
  hu: 'hu',
  si: 'slovene',
  hr: 'croat',
  ro: 'ro',
  tr: 'trq',
  gr: 'gr',
  ru: 'ru',
  ua: 'ua-utf',
  by: 'by',
  bg: 'bg_bds-utf8',
  rs: 'sr-cy',
  'rs(latin)': 'sr-latin',
  il: 'il',
  ir: 'fa',
  jp: 'jp106',
};

const SHIPPED: ReadonlySet<string> = new Set(CONSOLE_KEYMAPS);

/** The layout suggested where a language's own cannot be loaded, and its console keymap: Latin letters. */
export const LATIN_LAYOUT: XkbLayout = { layout: 'us', variant: '' };
export const LATIN_KEYMAP = 'us';

function xkbId(k: XkbLayout): string {
  return k.variant ? `${k.layout}(${k.variant})` : k.layout;
}

/** The console keymap the unlock prompt loads for this layout, or null when it has none. */
export function unlockKeymap(keyboard: XkbLayout): string | null {
  const keymap = XKB_TO_CONSOLE[xkbId(keyboard)];
  return keymap !== undefined && SHIPPED.has(keymap) ? keymap : null;
}

export function isUnlockLayout(keyboard: XkbLayout): boolean {
  return unlockKeymap(keyboard) !== null;
}

/**
 * Whether a layout that types `chars` can type a recovery key. The prompt takes the key with or
 * without dashes, in any case, so its letters are all that is needed. Where they cannot be
 * typed, the wizard warns, and the unlock prompt must let the person switch to LATIN_KEYMAP.
 */
export function typesRecoveryKey(chars: ReadonlySet<string>): boolean {
  return [...MODHEX_ALPHABET].every((c) => chars.has(c));
}
