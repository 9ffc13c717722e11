// Encryption: user data is always encrypted; the person picks how to unlock it.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../app/store-context';
import { useValidation } from '../app/use-validation';
import { Notice } from '../components/Notice';
import { PageFrame } from '../components/PageFrame';
import { FixedChoice } from '../components/SetBy';
import { setBy } from '../state/answers';
import { UnattendedNotice } from './answers/AnswersNotices';
import { Fido2Section } from './encryption/Fido2Section';
import { PassphraseSection } from './encryption/PassphraseSection';
import { preloadStrengthEstimator } from './encryption/use-strength';
import { UsbKeySection } from './encryption/UsbKeySection';
import { ENCRYPTION_METHODS } from '../../shared/plan/unlock-methods';

export function ResumeNotice() {
  const { t } = useTranslation('common');
  const notice = useWizard((s) => s.nav.resumeNotice);
  if (notice !== 'secrets-reentry') return null;
  return (
    <Notice tone="info" role="status">
      <p>{t('resume.secrets')}</p>
    </Notice>
  );
}

export function EncryptionPage() {
  const { t } = useTranslation('encryption');
  const store = useActions();
  const validation = useValidation('encryption');
  const method = useWizard((s) => s.choices.encryption.method);
  const attempted = useWizard((s) => s.nav.attempted.includes('encryption'));
  // The estimator is large: start loading it as the page opens, so the first verdict is prompt.
  useEffect(preloadStrengthEstimator, []);
  const methodBy = useWizard((s) => setBy(s.boot, 'encryption'));

  return (
    <PageFrame wizardPage="encryption" title={t('title')} intro={<p>{t('intro')}</p>} validation={validation}>
      <ResumeNotice />
      <UnattendedNotice stops />
      {methodBy && method ? (
        <FixedChoice id="method" legend={t('method.legend')} organization={methodBy}>
          {t(`method.${method}.label`)}
        </FixedChoice>
      ) : (
        <fieldset className="fieldset">
          <legend className="fieldset-legend">{t('method.legend')}</legend>
          <div className="choice-grid">
            {ENCRYPTION_METHODS.map((m) => (
              <div key={m} className={`choice-card ${method === m ? 'choice-card-selected' : ''}`}>
                <input
                  type="radio"
                  id={`method-${m}`}
                  name="method"
                  checked={method === m}
                  onChange={() => store.setEncryptionMethod(m)}
                  aria-describedby={`method-${m}-hint`}
                />
                <label htmlFor={`method-${m}`} className="choice-card-title">
                  {t(`method.${m}.label`)}
                </label>
                <p id={`method-${m}-hint`} className="field-hint">
                  {t(`method.${m}.hint`)}
                </p>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {method === 'passphrase' ? <PassphraseSection validation={validation} showReasons={attempted} /> : null}
      {method === 'fido2' ? <Fido2Section validation={validation} showReasons={attempted} /> : null}
      {method === 'usb-key' ? <UsbKeySection validation={validation} showReasons={attempted} /> : null}
    </PageFrame>
  );
}
