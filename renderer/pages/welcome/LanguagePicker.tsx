// The languages, each named in itself and marked with its own language so a screen reader
// pronounces it right. Clicking one switches at once; with the keyboard, the arrows only move
// through the list (the page is not re-translated, and its direction does not flip, at every
// press) and Space, Enter or leaving the list chooses. Nothing typed or chosen is lost.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../../app/store-context';
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
  const [pending, setPending] = useState<string | null>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const shown = pending ?? locale;

  const choose = (code: string) => {
    setPending(null);
    if (code !== locale) store.setLocale(code);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const step = stepOf(e.key);
    if (step !== 0) {
      e.preventDefault();
      const at = LANGUAGES.findIndex((l) => l.code === shown);
      const next = LANGUAGES[(at + step + LANGUAGES.length) % LANGUAGES.length]!;
      setPending(next.code);
      inputs.current.get(next.code)?.focus();
    } else if (e.key === ' ' || (e.key === 'Enter' && pending !== null && pending !== locale)) {
      // Enter on a language still being moved to chooses it, rather than leaving the page.
      e.preventDefault();
      choose(shown);
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
      <div className="choice-grid choice-grid-languages">
        {LANGUAGES.map((l) => (
          <label key={l.code} className="choice-tile">
            <input
              ref={(el) => {
                if (el) inputs.current.set(l.code, el);
                else inputs.current.delete(l.code);
              }}
              type="radio"
              name="language"
              value={l.code}
              checked={shown === l.code}
              onChange={() => choose(l.code)}
              onKeyDown={onKeyDown}
            />
            <span className="choice-tile-title" lang={l.code} dir={l.dir}>{l.nativeName}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
