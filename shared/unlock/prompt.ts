// The unlock prompt's words and their order: one source for the unlock program at boot and the
// wizard's unlock rehearsal, so what a person practises is what they will see
// (docs/decisions/080-unlock-at-every-boot.md). The text itself lives in the `unlock` i18n
// namespace (assets/locales/<lang>/unlock.json); callers pass their translate function.

/** i18next's t, or the unlock program's translator over the same files. */
export type UnlockTranslate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** What the volume can be opened with by typing. */
export interface TypedMethods {
  readonly passphrase: boolean;
  readonly recoveryKey: boolean;
}

export interface PromptText {
  readonly heading: string;
  /** The line the cursor waits on, e.g. "Passphrase or recovery key:". */
  readonly label: string;
  readonly hidden: string;
}

/** The one prompt for a passphrase or the recovery key, as the console shows it. */
export function promptText(t: UnlockTranslate, methods: TypedMethods): PromptText {
  let label: string;
  if (methods.passphrase && methods.recoveryKey) label = t('unlock:prompt.passphraseOrRecovery');
  else if (methods.passphrase) label = t('unlock:prompt.passphrase');
  else label = t('unlock:prompt.recovery');
  return { heading: t('unlock:prompt.heading'), label, hidden: t('unlock:prompt.hidden') };
}

/** The prompt as the lines the console prints; the last one is where typing happens. */
export function promptLines(t: UnlockTranslate, methods: TypedMethods): string[] {
  const p = promptText(t, methods);
  return [p.heading, p.hidden, p.label];
}

/**
 * The Linux console draws Latin, Greek and Cyrillic with its fonts, but cannot shape
 * right-to-left or complex scripts: in those languages the prompt is in English, and the
 * wizard's rehearsal says so and shows the English prompt.
 */
const CONSOLE_CANNOT_DRAW = new Set(['ar', 'fa', 'he', 'ur', 'hi', 'bn', 'ta', 'te', 'th', 'zh', 'ja', 'ko', 'am', 'ka', 'hy', 'km', 'my']);
export const CONSOLE_FALLBACK_LANGUAGE = 'en';

/**
 * The language the unlock prompt uses at boot for a machine set up in `locale` (BCP 47): that
 * locale itself (`pt-BR` keeps its region: its texts are `pt-BR`'s), or English where the console
 * cannot draw the script.
 */
export function consoleLanguage(locale: string): string {
  const base = locale.toLowerCase().split('-')[0] ?? '';
  return base === '' || CONSOLE_CANNOT_DRAW.has(base) ? CONSOLE_FALLBACK_LANGUAGE : locale;
}
