// Welcome: language, keyboard layout, accessibility.
import { useTranslation } from 'react-i18next';
import { useValidation } from '../app/use-validation';
import { PageFrame } from '../components/PageFrame';
import { AccessibilitySwitches } from './welcome/AccessibilitySwitches';
import { KeyboardPicker } from './welcome/KeyboardPicker';
import { LanguagePicker } from './welcome/LanguagePicker';

export function WelcomePage() {
  const { t } = useTranslation('welcome');
  const validation = useValidation('welcome');
  return (
    <PageFrame wizardPage="welcome" title={t('title')} intro={<p>{t('intro')}</p>} validation={validation}>
      <LanguagePicker />
      <KeyboardPicker />
      <AccessibilitySwitches />
    </PageFrame>
  );
}
