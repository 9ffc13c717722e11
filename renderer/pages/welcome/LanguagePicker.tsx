// The languages, each named in itself and marked with its own language so a screen reader
// pronounces it right, with a search box that finds a language by its name in any language or
// script (renderer/i18n/language-search.ts): built for sixty languages as much as for seventeen.
// Enter in the search box picks the first match. Clicking a language switches at once; with the
// keyboard, the arrows only move through the list (the page is not re-translated, and its
// direction does not flip, at every press) and Space, Enter or leaving the list chooses. Nothing
// typed or chosen is lost. The chosen language stays in the list whatever the search, so the
// radio group always has its checked button.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../../app/store-context';
import { languageMatches } from '../../i18n/language-search';
import { LANGUAGES } from '../../i18n/languages';

/** Arrow keys → a step through the list; → and ← follow the page's direction, as a radio group's do. */
function stepOf(key: string): number {
  const rtl = document.documentElement.dir === 'rtl';
  if (key === 'ArrowDown') return 1;
  if (key === 'ArrowUp') return -1;
  if (key === 'ArrowRight') return rtl ? -1 : 1;
  if (key === 'ArrowLeft') return rtl ? 1 : -1;
  return 0;
}

export function LanguagePicker() {
  const { t } = useTranslation('welcome');
  const store = useActions();
  const locale = useWizard((s) => s.choices.locale);
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const matches = LANGUAGES.filter((l) => languageMatches(query, l));
  const shown = LANGUAGES.filter((l) => l.code === locale || l.code === pending || matches.includes(l));
  const current = pending ?? locale;

  const choose = (code: string) => {
    setPending(null);
    if (code !== locale) store.setLocale(code);
  };

  const pickFirst = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault(); // not the page's Next
    const first = matches[0];
    if (!first) return;
    choose(first.code);
    inputs.current.get(first.code)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const step = stepOf(e.key);
    if (step !== 0) {
      e.preventDefault();
      const at = shown.findIndex((l) => l.code === current);
      const next = shown[(at + step + shown.length) % shown.length]!;
      setPending(next.code);
      inputs.current.get(next.code)?.focus();
    } else if (e.key === ' ' || (e.key === 'Enter' && pending !== null && pending !== locale)) {
      // Enter on a language still being moved to chooses it, rather than leaving the page.
      e.preventDefault();
      choose(current);
    }
  };

  return (
    <fieldset
      className="fieldset"
      id="language"
      onBlur={(e) => {
        if (pending !== null && !e.currentTarget.contains(e.relatedTarget as Node | null)) choose(pending);
      }}
    >
      <legend className="fieldset-legend">{t('language.legend')}</legend>
      <div className="field">
        <label htmlFor="language-search" className="field-label">
          {t('language.search')}
        </label>
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
        <p id="language-search-hint" className="field-hint">
          {t('language.searchHint')}
        </p>
        <p id="language-search-count" className="field-hint" role="status">
          {matches.length === 0
            ? t('language.noMatch', { query: query.trim() })
            : t('language.shown', { count: matches.length, total: LANGUAGES.length })}
        </p>
      </div>
      <div className="choice-grid choice-grid-languages" id="language-options">
        {shown.map((l) => (
          <label key={l.code} className="choice-tile" lang={l.code} dir={l.dir}>
            <input
              ref={(el) => {
                if (el) inputs.current.set(l.code, el);
                else inputs.current.delete(l.code);
              }}
              type="radio"
              name="language"
              value={l.code}
              checked={current === l.code}
              onChange={() => choose(l.code)}
              onKeyDown={onKeyDown}
            />
            <span className="choice-tile-title">{l.nativeName}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
