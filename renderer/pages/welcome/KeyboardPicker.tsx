// The keyboard layout (XKB layout and variant), also the one the disk passphrase is typed
// with at boot (so only layouts the unlock prompt can load are listed), and a field to try it.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../../app/store-context';
import { LayoutSuggestion } from '../../components/LayoutSuggestion';
import { KEYBOARD_LAYOUTS, findLayoutById, layoutId } from '../../state/keyboard-layouts';

interface LayoutOption {
  readonly id: string;
  readonly name: string;
}

/** Each language's sorted list, kept once its names are loaded: a collator and a sort cost ~10 ms. */
const sortedByLanguage = new Map<string, readonly LayoutOption[]>();

/** Sorted by the name in the page's language, so the list reads naturally in any language. */
function sortedLayouts(language: string, name: (id: string) => string, namesLoaded: boolean): readonly LayoutOption[] {
  const kept = sortedByLanguage.get(language);
  if (kept) return kept;
  const collator = new Intl.Collator(language);
  const sorted = KEYBOARD_LAYOUTS.map((l) => ({ id: l.id, name: name(l.id) })).sort((a, b) => collator.compare(a.name, b.name));
  if (namesLoaded) sortedByLanguage.set(language, sorted);
  return sorted;
}

export function KeyboardPicker() {
  const { t, i18n } = useTranslation(['welcome', 'keyboard']);
  const store = useActions();
  const keyboard = useWizard((s) => s.choices.keyboard);
  const [sample, setSample] = useState('');
  const current = layoutId(keyboard);

  const namesLoaded = i18n.hasResourceBundle(i18n.language, 'keyboard');
  const options = useMemo(
    () => sortedLayouts(i18n.language, (id) => t(`keyboard:layout.${id}`, { defaultValue: id }), namesLoaded),
    [t, i18n.language, namesLoaded],
  );

  return (
    <fieldset className="fieldset">
      <legend className="fieldset-legend">{t('welcome:keyboard.legend')}</legend>
      <div className="field">
        <label htmlFor="keyboard-layout" className="field-label">
          {t('welcome:keyboard.layout')}
        </label>
        <p id="keyboard-layout-hint" className="field-hint">
          {t('welcome:keyboard.hint')}
        </p>
        <select
          id="keyboard-layout"
          className="input select"
          value={current}
          aria-describedby="keyboard-layout-hint"
          onChange={(e) => {
            const layout = findLayoutById(e.target.value);
            if (layout) store.setKeyboard(layout);
          }}
        >
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <LayoutSuggestion focusAfterUse="keyboard-layout" />
      </div>
      <div className="field">
        <label htmlFor="keyboard-test" className="field-label">
          {t('welcome:keyboard.test')}
        </label>
        <input
          id="keyboard-test"
          className="input"
          type="text"
          value={sample}
          onChange={(e) => setSample(e.target.value)}
          placeholder={t('welcome:keyboard.testPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          dir="auto"
        />
      </div>
    </fieldset>
  );
}
