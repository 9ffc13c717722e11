// The languages, each named in itself and marked with its own language so a screen reader
// pronounces it right. Switching is live; nothing typed or chosen is lost.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../../app/store-context';
import { LANGUAGES } from '../../i18n/languages';

export function LanguagePicker() {
  const { t } = useTranslation('welcome');
  const store = useActions();
  const locale = useWizard((s) => s.choices.locale);
  return (
    <fieldset className="fieldset" id="language">
      <legend className="fieldset-legend">{t('language.legend')}</legend>
      <div className="choice-grid choice-grid-languages">
        {LANGUAGES.map((l) => (
          <label key={l.code} className="choice-tile" lang={l.code} dir={l.dir}>
            <input type="radio" name="language" value={l.code} checked={locale === l.code} onChange={() => store.setLocale(l.code)} />
            <span className="choice-tile-title">{l.nativeName}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
