// Welcome: language, keyboard layout, accessibility (each shown as set, where the answers fixed it).
import { useTranslation } from 'react-i18next';
import { useWizard } from '../app/store-context';
import { useValidation } from '../app/use-validation';
import { PageFrame } from '../components/PageFrame';
import { setBy } from '../state/answers';
import { AnswersRefusedNotice } from './answers/AnswersNotices';
import { AccessibilitySwitches } from './welcome/AccessibilitySwitches';
import { FixedAccessibility, FixedKeyboard, FixedLanguage } from './welcome/FixedWelcomeChoices';
import { KeyboardPicker } from './welcome/KeyboardPicker';
import { LanguagePicker } from './welcome/LanguagePicker';

export function WelcomePage() {
  const { t } = useTranslation('welcome');
  const validation = useValidation('welcome');
  const localeBy = useWizard((s) => setBy(s.boot, 'locale'));
  const keyboardBy = useWizard((s) => setBy(s.boot, 'keyboard'));
  const accessibilityBy = useWizard((s) => setBy(s.boot, 'accessibility'));
  // Next was pressed before the helper answered: say that it is coming (ADR 054).
  const waiting = useWizard((s) => s.nav.nextWhenHelperReady && s.boot.status === 'starting');
  return (
    <PageFrame wizardPage="welcome" title={t('title')} intro={<p>{t('intro')}</p>} validation={validation}>
      <AnswersRefusedNotice />
      {localeBy ? <FixedLanguage organization={localeBy} /> : <LanguagePicker />}
      {keyboardBy ? <FixedKeyboard organization={keyboardBy} /> : <KeyboardPicker />}
      {accessibilityBy ? <FixedAccessibility organization={accessibilityBy} /> : <AccessibilitySwitches />}
      <p className="welcome-waiting" role="status">
        {waiting ? t('boot:starting.text') : null}
      </p>
    </PageFrame>
  );
}
