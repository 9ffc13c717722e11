// The unlock program's words, from the same locale files as the wizard's rehearsal (the
// `unlock` namespace), in the language the console can draw (shared/unlock/prompt.ts).
import ar from '../../assets/locales/ar/unlock.json';
import de from '../../assets/locales/de/unlock.json';
import en from '../../assets/locales/en/unlock.json';
import es from '../../assets/locales/es/unlock.json';
import fa from '../../assets/locales/fa/unlock.json';
import fi from '../../assets/locales/fi/unlock.json';
import fr from '../../assets/locales/fr/unlock.json';
import he from '../../assets/locales/he/unlock.json';
import it from '../../assets/locales/it/unlock.json';
import ja from '../../assets/locales/ja/unlock.json';
import ko from '../../assets/locales/ko/unlock.json';
import nl from '../../assets/locales/nl/unlock.json';
import pl from '../../assets/locales/pl/unlock.json';
import ptBR from '../../assets/locales/pt-BR/unlock.json';
import tr from '../../assets/locales/tr/unlock.json';
import uk from '../../assets/locales/uk/unlock.json';
import zhHans from '../../assets/locales/zh-Hans/unlock.json';
import { CONSOLE_FALLBACK_LANGUAGE, consoleLanguage, type UnlockTranslate } from '../../shared/unlock/prompt';

type Tree = { readonly [key: string]: string | Tree };

/** Every language with an unlock.json; a test holds this to the languages the wizard offers. */
export const UNLOCK_TEXTS: Readonly<Record<string, Tree>> = {
  en,
  fi,
  de,
  fr,
  ar,
  es,
  'pt-BR': ptBR,
  it,
  nl,
  pl,
  uk,
  tr,
  he,
  fa,
  ja,
  'zh-Hans': zhHans,
  ko,
};

function lookup(tree: Tree, path: string): string | null {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return null;
    node = node[part];
  }
  return typeof node === 'string' ? node : null;
}

/** A translator for `unlock:…` keys with i18next's {{name}} placeholders; English fills gaps. */
export function unlockTranslator(locale: string): UnlockTranslate {
  const language = consoleLanguage(locale);
  // The exact tag first (pt-BR), then its language (fr-CA → fr), then English.
  const own = UNLOCK_TEXTS[language] ?? UNLOCK_TEXTS[language.split('-')[0]!] ?? UNLOCK_TEXTS[CONSOLE_FALLBACK_LANGUAGE]!;
  const fallback = UNLOCK_TEXTS[CONSOLE_FALLBACK_LANGUAGE]!;
  return (key, vars = {}) => {
    const path = key.startsWith('unlock:') ? key.slice('unlock:'.length) : key;
    const text = lookup(own, path) ?? lookup(fallback, path) ?? key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}
