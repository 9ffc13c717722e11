// The unlock prompt exactly as the console shows it at boot (shared/unlock/prompt.ts): its lines
// in the language the console can draw, which is English for scripts it cannot draw (the page
// then says so). Reviewers' pseudo and key views show their own rendering of the same keys.
import { useTranslation } from 'react-i18next';
import { consoleLanguage, promptLines, type TypedMethods } from '../../shared/unlock/prompt';
import { KEYS_LOCALE, PSEUDO_LOCALE, findLanguage } from '../i18n/languages';

export function useConsoleLanguage(): { readonly lang: string; readonly differs: boolean } {
  const { i18n } = useTranslation();
  const page = i18n.language;
  if (page === PSEUDO_LOCALE || page === KEYS_LOCALE) return { lang: page, differs: false };
  const lang = consoleLanguage(page);
  return { lang, differs: lang !== page };
}

export function BootPromptText({ methods }: { methods: TypedMethods }) {
  const { i18n } = useTranslation();
  const { lang } = useConsoleLanguage();
  const fixed = i18n.getFixedT(lang);
  const lines = promptLines((key, vars) => fixed(key, vars), methods);
  return (
    <div className="boot-prompt-text" lang={lang === KEYS_LOCALE ? undefined : lang} dir={findLanguage(lang)?.dir ?? 'ltr'}>
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}
