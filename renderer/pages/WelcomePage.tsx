// Welcome: language, keyboard layout, accessibility.
import { useTranslation } from 'react-i18next';
import { useWizard } from '../app/store-context';
import { useValidation } from '../app/use-validation';
import { PageFrame } from '../components/PageFrame';
import { AccessibilitySwitches } from './welcome/AccessibilitySwitches';
import { KeyboardPicker } from './welcome/KeyboardPicker';
import { LanguagePicker } from './welcome/LanguagePicker';

export function WelcomePage() {
  const { t } = useTranslation('welcome');
  const validation = useValidation('welcome');
  // Next was pressed before the helper answered: say that it is coming (ADR 054).
  const waiting = useWizard((s) => s.nav.nextWhenHelperReady && s.boot.status === 'starting');
  return (
    <PageFrame wizardPage="welcome" title={t('title')} intro={<p>{t('intro')}</p>} validation={validation}>
      <LanguagePicker />
      <KeyboardPicker />
      <AccessibilitySwitches />
      <p className="welcome-waiting" role="status">{waiting ? t('boot:starting.text') : null}</p>
    </PageFrame>
  );
}
