// What the language suggests for the keyboard, said in words: the layout follows the language
// only until the person chooses or confirms one; after that the language never changes it and
// this offers the language's layout instead (ADR 033).
import { useTranslation } from 'react-i18next';
import { focusWhenShown } from '../app/focus';
import { useActions, useWizard } from '../app/store-context';
import { findLanguage } from '../i18n/languages';
import { findLayout, layoutId, suggestedLayout } from '../state/keyboard-layouts';

/** `focusAfterUse`: the id that takes focus once "Use …" has changed the layout (the button goes away). */
export function LayoutSuggestion({ focusAfterUse }: { focusAfterUse: string }) {
  const { t } = useTranslation('common');
  const store = useActions();
  const locale = useWizard((s) => s.choices.locale);
  const keyboard = useWizard((s) => s.choices.keyboard);
  const chosen = useWizard((s) => s.choices.keyboardChosen);
  const language = findLanguage(locale);
  if (!language) return null;
  const suggested = suggestedLayout(language.keyboard);
  const name = (id: string) => t(`keyboard:layout.${id}`);
  const values = { language: language.nativeName, layout: name(layoutId(suggested)), current: name(layoutId(keyboard)) };
  const same = layoutId(suggested) === layoutId(keyboard);
  const ownUnusable = !findLayout(language.keyboard);

  if (chosen && !same) {
    return (
      <div id="layout-suggestion" className="field-hint layout-suggestion">
        <p>{t('layoutSuggestion.differs', values)}</p>
        <button
          type="button"
          className="button button-link"
          onClick={() => {
            store.setKeyboard(suggested);
            focusWhenShown(focusAfterUse);
          }}
        >
          {t('layoutSuggestion.use', values)}
        </button>
      </div>
    );
  }
  if (!same) return null;
  if (ownUnusable)
    return (
      <p id="layout-suggestion" className="field-hint">
        {t('layoutSuggestion.fallback', { ...values, own: name(layoutId(language.keyboard)) })}
      </p>
    );
  if (!chosen)
    return (
      <p id="layout-suggestion" className="field-hint">
        {t('layoutSuggestion.follows', values)}
      </p>
    );
  return null;
}
