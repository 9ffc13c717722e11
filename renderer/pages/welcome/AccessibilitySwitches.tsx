// Accessibility switches, applied the moment they change (the page itself follows them) and
// carried into the installed system.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../../app/store-context';
import type { Accessibility } from '../../../shared/plan/plan-schema';

const SWITCHES: readonly (keyof Accessibility)[] = ['highContrast', 'largeText', 'reduceMotion', 'screenReader'];

export function AccessibilitySwitches() {
  const { t } = useTranslation('welcome');
  const store = useActions();
  const accessibility = useWizard((s) => s.choices.accessibility);
  return (
    <fieldset className="fieldset">
      <legend className="fieldset-legend">{t('accessibility.legend')}</legend>
      <ul className="switch-list">
        {SWITCHES.map((key) => (
          <li key={key}>
            <label className="switch">
              <input
                type="checkbox"
                role="switch"
                checked={accessibility[key]}
                aria-describedby={`a11y-${key}-hint`}
                onChange={(e) => store.setAccessibility({ [key]: e.target.checked })}
              />
              <span className="switch-track" aria-hidden="true" />
              <span className="switch-label">{t(`accessibility.${key}.label`)}</span>
            </label>
            <p id={`a11y-${key}-hint`} className="field-hint switch-hint">
              {t(`accessibility.${key}.hint`)}
            </p>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
