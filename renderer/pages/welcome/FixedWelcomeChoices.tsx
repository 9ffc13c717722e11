// The Welcome page's choices that the answers file fixed: shown with their value and who set
// them, in place of the picker.
import { useTranslation } from 'react-i18next';
import type { Accessibility } from '../../../shared/plan/plan-schema';
import { useWizard } from '../../app/store-context';
import { FixedChoice } from '../../components/SetBy';
import { formatList } from '../../i18n/format';
import { findLanguage } from '../../i18n/languages';
import { layoutId } from '../../state/keyboard-layouts';

const A11Y_KEYS: readonly (keyof Accessibility)[] = ['highContrast', 'largeText', 'reduceMotion', 'screenReader'];

export function FixedLanguage({ organization }: { organization: string }) {
  const { t } = useTranslation('welcome');
  const locale = useWizard((s) => s.choices.locale);
  return (
    <FixedChoice id="language" legend={t('language.legend')} organization={organization}>
      <span lang={locale}>{findLanguage(locale)?.nativeName ?? locale}</span>
    </FixedChoice>
  );
}

export function FixedKeyboard({ organization }: { organization: string }) {
  const { t } = useTranslation(['welcome', 'keyboard']);
  const keyboard = useWizard((s) => s.choices.keyboard);
  return (
    <FixedChoice id="keyboard" legend={t('welcome:keyboard.legend')} organization={organization}>
      {t(`keyboard:layout.${layoutId(keyboard)}`)}
    </FixedChoice>
  );
}

export function FixedAccessibility({ organization }: { organization: string }) {
  const { t, i18n } = useTranslation(['welcome', 'summary']);
  const accessibility = useWizard((s) => s.choices.accessibility);
  const on = A11Y_KEYS.filter((k) => accessibility[k]).map((k) => t(`welcome:accessibility.${k}.label`));
  return (
    <FixedChoice id="accessibility" legend={t('welcome:accessibility.legend')} organization={organization}>
      {on.length ? formatList(on, i18n.language) : t('summary:accessibilityNone')}
    </FixedChoice>
  );
}
