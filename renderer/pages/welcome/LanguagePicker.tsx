// The languages, each named in itself and marked with its own language so a screen reader
// pronounces it right, with a search box that finds a language by its name in any language or
// script (renderer/i18n/language-search.ts): built for sixty languages as much as for seventeen.
// Enter in the search box picks the first match. Switching is live; nothing typed or chosen is
// lost. The chosen language stays in the list whatever the search, so the radio group always
// has its checked button.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../../app/store-context';
import { languageMatches } from '../../i18n/language-search';
import { LANGUAGES } from '../../i18n/languages';

export function LanguagePicker() {
  const { t } = useTranslation('welcome');
  const store = useActions();
  const locale = useWizard((s) => s.choices.locale);
  const [query, setQuery] = useState('');
  const matches = LANGUAGES.filter((l) => languageMatches(query, l));
  const shown = LANGUAGES.filter((l) => l.code === locale || matches.includes(l));

  const pickFirst = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault(); // not the page's Next
    const first = matches[0];
    if (!first) return;
    store.setLocale(first.code);
    document.querySelector<HTMLInputElement>(`input[name=language][value="${first.code}"]`)?.focus();
  };

  return (
    <fieldset className="fieldset" id="language">
      <legend className="fieldset-legend">{t('language.legend')}</legend>
      <div className="field">
        <label htmlFor="language-search" className="field-label">{t('language.search')}</label>
        <input
          id="language-search"
          className="input"
          type="search"
          dir="auto"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={pickFirst}
          autoComplete="off"
          spellCheck={false}
          aria-controls="language-options"
          aria-describedby="language-search-hint language-search-count"
        />
        <p id="language-search-hint" className="field-hint">{t('language.searchHint')}</p>
        <p id="language-search-count" className="field-hint" role="status">
          {matches.length === 0 ? t('language.noMatch', { query: query.trim() }) : t('language.shown', { count: matches.length, total: LANGUAGES.length })}
        </p>
      </div>
      <div className="choice-grid choice-grid-languages" id="language-options">
        {shown.map((l) => (
          <label key={l.code} className="choice-tile" lang={l.code} dir={l.dir}>
            <input type="radio" name="language" value={l.code} checked={locale === l.code} onChange={() => store.setLocale(l.code)} />
            <span className="choice-tile-title">{l.nativeName}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
