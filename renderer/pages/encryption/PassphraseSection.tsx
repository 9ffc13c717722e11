// The passphrase: typed, then confirmed by typing it once more as at the unlock prompt (hidden,
// with the keyboard layout it will be typed with at boot stated plainly); characters that layout
// cannot type are flagged before they lock anyone out, and nothing says "right" until they go.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../../app/store-context';
import { FieldMessage } from '../../components/FieldMessage';
import { Icon } from '../../components/Icon';
import { LayoutSuggestion } from '../../components/LayoutSuggestion';
import { Notice } from '../../components/Notice';
import { SecretInput } from '../../components/SecretInput';
import { findLanguage } from '../../i18n/languages';
import { layoutId, suggestedLayout } from '../../state/keyboard-layouts';
import { passphraseUntypeable, rehearsalConfirms, type Validation } from '../../state/validators';
import { reasonsFor } from '../../components/use-reason-text';
import { PassphraseStrength } from './StrengthMeter';
import { offeredAnswers } from '../../state/answers';
import { EscrowNote } from '../answers/AnswersNotices';
import { BootPromptText, useConsoleLanguage } from '../../components/BootPromptText';
import { PASSPHRASE_MIN_CODE_POINTS } from '../../../shared/plan/secret-policy';

export function PassphraseSection({ validation, showReasons }: { validation: Validation; showReasons: boolean }) {
  const { t } = useTranslation('encryption');
  const store = useActions();
  const escrowed = useWizard((s) => offeredAnswers(s.boot)?.escrow !== undefined);
  const secrets = useWizard((s) => s.secrets);
  const choices = useWizard((s) => s.choices);
  const untypeable = passphraseUntypeable({ choices, secrets });
  const layoutName = t(`keyboard:layout.${layoutId(choices.keyboard)}`);
  const reasons = (field: string) => (showReasons ? reasonsFor(validation.reasons, field) : []);
  const rehearsalOk = rehearsalConfirms({ choices, secrets });
  // Japanese, Chinese and Korean are typed through an input method, which the unlock prompt at
  // boot does not have: say so before a passphrase is chosen, and offer the language's own
  // layout, which types Latin letters there (ADR 048), or English (US) where the prompt cannot
  // load that layout (ADR 033).
  const language = findLanguage(choices.locale);
  const suggested = language?.inputMethod ? suggestedLayout(language.keyboard) : null;
  const onSuggested = suggested !== null && layoutId(suggested) === layoutId(choices.keyboard);
  const consoleDiffers = useConsoleLanguage().differs;

  return (
    <div className="secret-section">
      <Notice tone="info" id="unlock-layout" focusable>
        <p>{t('passphrase.layoutNotice', { layout: layoutName })}</p>
        <button type="button" className="button button-link" onClick={() => store.goTo('welcome')}>
          {t('passphrase.changeLayout')}
        </button>
        <LayoutSuggestion focusAfterUse="unlock-layout" />
      </Notice>

      {suggested ? (
        <Notice tone="info" id="input-method-notice">
          <p>{t('passphrase.inputMethod', { layout: t(`keyboard:layout.${layoutId(suggested)}`) })}</p>
          {onSuggested ? null : (
            <button type="button" className="button button-link" onClick={() => store.setKeyboard(suggested)}>
              {t('passphrase.useSuggestedLayout', { layout: t(`keyboard:layout.${layoutId(suggested)}`) })}
            </button>
          )}
        </Notice>
      ) : null}

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
      <FieldMessage id="passphrase-error" reasons={reasons('passphrase').filter((r) => r.key !== 'encryption:cannotContinue.untypeable')} />
      {untypeable.length > 0 ? (
        <Notice tone="warning" id="passphrase-untypeable" role="alert">
          <p>{t('passphrase.untypeable', { chars: untypeable.join(' '), count: untypeable.length, layout: layoutName })}</p>
        </Notice>
      ) : null}
      <PassphraseStrength id="passphrase-strength" text={secrets.passphrase} />

      <section className="rehearsal" aria-labelledby="rehearsal-title">
        <h2 id="rehearsal-title" className="section-title">
          {t('rehearsal.title')}
        </h2>
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
          {rehearsalOk ? (
            <>
              <Icon name="check" /> {t('rehearsal.ok')}
            </>
          ) : null}
        </p>
        <FieldMessage id="rehearsal-error" reasons={reasons('rehearsal')} />
      </section>

      <div className="field field-checkbox">
        <input
          type="checkbox"
          id="recovery-wanted"
          checked={choices.encryption.recoveryKey}
          onChange={(e) => store.setRecoveryKeyWanted(e.target.checked)}
          disabled={escrowed}
          aria-describedby="recovery-wanted-hint"
        />
        <label htmlFor="recovery-wanted">{t('recoveryOffer.label')}</label>
        <p id="recovery-wanted-hint" className="field-hint">
          {t('recoveryOffer.hint')}
        </p>
        <EscrowNote />
      </div>
    </div>
  );
}
