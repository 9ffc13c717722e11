// The language, switchable from the header on every page before Install (the Welcome page has
// the full picker; after Install the language is part of the plan already sent). Each language
// is named in itself, so a person finds theirs whatever the page shows now.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../app/store-context';
import { LANGUAGES } from '../i18n/languages';
import { Icon } from './Icon';

export function LanguageMenu() {
  const { t } = useTranslation('common');
  const store = useActions();
  const locale = useWizard((s) => s.choices.locale);
  return (
    <div className="header-menu">
      <Icon name="language" />
      <label htmlFor="header-language" className="visually-hidden">
        {t('languageMenu.label')}
      </label>
      <select id="header-language" className="input header-select" value={locale} onChange={(e) => store.setLocale(e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
            {l.nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
