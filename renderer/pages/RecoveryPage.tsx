// Recovery key: shown large in numbered groups, copyable, as a QR code for another device, and
// confirmed by typing one group back. The way in when the passphrase or the key is lost.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../app/store-context';
import { useValidation } from '../app/use-validation';
import { FieldMessage } from '../components/FieldMessage';
import { Icon } from '../components/Icon';
import { Notice } from '../components/Notice';
import { PageFrame } from '../components/PageFrame';
import { QrCode } from '../components/QrCode';
import { reasonsFor } from '../components/use-reason-text';
import { formatNumber } from '../i18n/format';
import { FALLBACK_LAYOUT, layoutId, typesRecoveryKeyWith } from '../state/keyboard-layouts';
import { ResumeNotice } from './EncryptionPage';

export function RecoveryPage() {
  const { t, i18n } = useTranslation('recovery');
  const store = useActions();
  const validation = useValidation('recovery');
  const key = useWizard((s) => s.secrets.recoveryKey);
  const group = useWizard((s) => s.secrets.recoveryGroup);
  const confirm = useWizard((s) => s.secrets.recoveryConfirm);
  const method = useWizard((s) => s.choices.encryption.method);
  const keyboard = useWizard((s) => s.choices.keyboard);
  const attempted = useWizard((s) => s.nav.attempted.includes('recovery'));
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const reasons = attempted ? reasonsFor(validation.reasons, 'recovery-confirm') : [];
  const groups = key?.split('-') ?? [];

  const copy = async () => {
    if (!key) return;
    try {
      await navigator.clipboard.writeText(key);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <PageFrame
      wizardPage="recovery"
      title={t('title')}
      intro={<p>{t(method === 'fido2' ? 'introFido2' : method === 'usb-key' ? 'introUsbKey' : 'introPassphrase')}</p>}
      validation={validation}
    >
      <ResumeNotice />
      <Notice tone="warning">
        <p>{t('writeDown')}</p>
      </Notice>
      {typesRecoveryKeyWith(keyboard) ? null : (
        <Notice tone="warning" id="recovery-layout-warning">
          <p>
            {t('layoutWarning', {
              layout: t(`keyboard:layout.${layoutId(keyboard)}`),
              latin: t(`keyboard:layout.${layoutId(FALLBACK_LAYOUT)}`),
            })}
          </p>
        </Notice>
      )}
      <div className="recovery">
        <figure className="recovery-key-figure">
          <figcaption id="recovery-key-label" className="field-label">
            {t('keyLabel')}
          </figcaption>
          <ol className="recovery-key" aria-labelledby="recovery-key-label" lang="en" dir="ltr">
            {groups.map((g, i) => (
              <li key={i} className={i === group ? 'recovery-group recovery-group-asked' : 'recovery-group'}>
                <span className="recovery-group-number" aria-hidden="true">
                  {formatNumber(i + 1, i18n.language)}
                </span>
                <span className="recovery-group-text">{g}</span>
              </li>
            ))}
          </ol>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => void copy()}>
              <Icon name="copy" /> {t('copy')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setCopied(null);
                store.regenerateRecoveryKey();
              }}
            >
              {t('regenerate')}
            </button>
          </div>
          <p role="status" className="field-hint">
            {copied === 'yes' ? t('copied') : copied === 'no' ? t('copyFailed') : ''}
          </p>
        </figure>
        {key ? (
          <figure className="recovery-qr">
            <QrCode text={key} label={t('qrLabel')} />
            <figcaption className="field-hint">{t('qrHint')}</figcaption>
          </figure>
        ) : null}
      </div>

      <div className="field">
        <label htmlFor="recovery-confirm" className="field-label">
          {t('confirm.label', { group: formatNumber(group + 1, i18n.language) })}
        </label>
        <p id="recovery-confirm-hint" className="field-hint">
          {t('confirm.hint')}
        </p>
        <input
          id="recovery-confirm"
          className="input input-code"
          type="text"
          value={confirm}
          onChange={(e) => store.setSecret('recoveryConfirm', e.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          lang="en"
          dir="ltr"
          aria-invalid={reasons.length > 0 || undefined}
          aria-describedby={['recovery-confirm-hint', reasons.length ? 'recovery-confirm-error' : ''].filter(Boolean).join(' ')}
        />
        <FieldMessage id="recovery-confirm-error" reasons={reasons} />
      </div>
    </PageFrame>
  );
}
