// The passphrase: typed, confirmed and rehearsed as at the unlock prompt, with the keyboard
// layout it will be typed with at boot stated plainly and characters that layout cannot type
// flagged before they lock anyone out.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../../app/store-context';
import { FieldMessage } from '../../components/FieldMessage';
import { Icon } from '../../components/Icon';
import { Notice } from '../../components/Notice';
import { SecretInput } from '../../components/SecretInput';
import { layoutId } from '../../state/keyboard-layouts';
import { passphraseUntypeable, type Validation } from '../../state/validators';
import { reasonsFor } from '../../components/use-reason-text';
import { PassphraseStrength } from './StrengthMeter';
import { BootPromptText, useConsoleLanguage } from '../../components/BootPromptText';
import { PASSPHRASE_MIN_CODE_POINTS } from '../../../shared/plan/secret-policy';

export function PassphraseSection({ validation, showReasons }: { validation: Validation; showReasons: boolean }) {
  const { t } = useTranslation('encryption');
  const store = useActions();
  const secrets = useWizard((s) => s.secrets);
  const choices = useWizard((s) => s.choices);
  const untypeable = passphraseUntypeable({ choices, secrets });
  const layoutName = t(`keyboard:layout.${layoutId(choices.keyboard)}`);
  const reasons = (field: string) => (showReasons ? reasonsFor(validation.reasons, field) : []);
  const rehearsalOk = secrets.rehearsal.length > 0 && secrets.rehearsal === secrets.passphrase;
  const confirmOk = secrets.passphraseConfirm.length > 0 && secrets.passphraseConfirm === secrets.passphrase;
  const consoleDiffers = useConsoleLanguage().differs;

  return (
    <div className="secret-section">
      <Notice tone="info" id="unlock-layout">
        <p>{t('passphrase.layoutNotice', { layout: layoutName })}</p>
        <button type="button" className="button button-link" onClick={() => store.goTo('welcome')}>
          {t('passphrase.changeLayout')}
        </button>
      </Notice>

      <SecretInput
        id="passphrase"
        label={t('passphrase.label')}
        hint={t('passphrase.hint', { min: PASSPHRASE_MIN_CODE_POINTS })}
        value={secrets.passphrase}
        onChange={(v) => store.setSecret('passphrase', v)}
        invalid={reasons('passphrase').length > 0}
        errorId={reasons('passphrase').length > 0 ? 'passphrase-error' : undefined}
        extraDescribedBy={untypeable.length > 0 ? 'passphrase-untypeable' : 'passphrase-strength'}
      />
      <FieldMessage id="passphrase-error" reasons={reasons('passphrase').filter((r) => r.key !== 'encryption:reason.untypeable')} />
      {untypeable.length > 0 ? (
        <Notice tone="warning" id="passphrase-untypeable" role="alert">
          <p>{t('passphrase.untypeable', { chars: untypeable.join(' '), count: untypeable.length, layout: layoutName })}</p>
        </Notice>
      ) : null}
      <PassphraseStrength id="passphrase-strength" text={secrets.passphrase} />

      <SecretInput
        id="passphrase-confirm"
        label={t('confirm.label')}
        value={secrets.passphraseConfirm}
        onChange={(v) => store.setSecret('passphraseConfirm', v)}
        invalid={reasons('passphrase-confirm').length > 0}
        errorId={reasons('passphrase-confirm').length > 0 ? 'passphrase-confirm-error' : undefined}
        extraDescribedBy="passphrase-confirm-state"
      />
      <p id="passphrase-confirm-state" className={confirmOk ? 'field-ok' : 'visually-hidden'} aria-live="polite">
        {confirmOk ? <><Icon name="check" /> {t('confirm.matches')}</> : null}
      </p>
      <FieldMessage id="passphrase-confirm-error" reasons={reasons('passphrase-confirm')} />

      <section className="rehearsal" aria-labelledby="rehearsal-title">
        <h2 id="rehearsal-title" className="section-title">{t('rehearsal.title')}</h2>
        <p>{t('rehearsal.intro', { layout: layoutName })}</p>
        {consoleDiffers ? <p id="rehearsal-console-language">{t('rehearsal.consoleLanguage')}</p> : null}
        <div className="boot-prompt">
          <BootPromptText methods={{ passphrase: true, recoveryKey: choices.encryption.recoveryKey }} />
          <SecretInput
            id="rehearsal"
            label={t('rehearsal.label')}
            value={secrets.rehearsal}
            onChange={(v) => store.setSecret('rehearsal', v)}
            canShow={false}
            autoComplete="off"
            invalid={reasons('rehearsal').length > 0}
            errorId={reasons('rehearsal').length > 0 ? 'rehearsal-error' : undefined}
            extraDescribedBy="rehearsal-state"
          />
        </div>
        <p id="rehearsal-state" className={rehearsalOk ? 'field-ok' : 'visually-hidden'} aria-live="polite">
          {rehearsalOk ? <><Icon name="check" /> {t('rehearsal.ok')}</> : null}
        </p>
        <FieldMessage id="rehearsal-error" reasons={reasons('rehearsal')} />
      </section>

      <div className="field field-checkbox">
        <input
          type="checkbox"
          id="recovery-wanted"
          checked={choices.encryption.recoveryKey}
          onChange={(e) => store.setRecoveryKeyWanted(e.target.checked)}
          aria-describedby="recovery-wanted-hint"
        />
        <label htmlFor="recovery-wanted">{t('recoveryOffer.label')}</label>
        <p id="recovery-wanted-hint" className="field-hint">{t('recoveryOffer.hint')}</p>
      </div>
    </div>
  );
}
