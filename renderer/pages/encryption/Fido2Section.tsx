// The FIDO2 security key: find keys, PIN when the key has one, touch while enrolling, test.
// Missing tools or no key get a clear word, and the passphrase stays one click away.
import { useEffect, useRef } from 'react';
import { focusWhenShown } from '../../app/focus';
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../../app/store-context';
import { Icon } from '../../components/Icon';
import { Notice } from '../../components/Notice';
import { SecretInput } from '../../components/SecretInput';
import { FieldMessage } from '../../components/FieldMessage';
import { reasonsFor } from '../../components/use-reason-text';
import { setBy } from '../../state/answers';
import type { Validation } from '../../state/validators';

export function Fido2Section({ validation, showReasons }: { validation: Validation; showReasons: boolean }) {
  const { t } = useTranslation('encryption');
  const store = useActions();
  const fido2 = useWizard((s) => s.fido2);
  const pin = useWizard((s) => s.secrets.fido2Pin);
  // The sandbox helper offers simulated keys; the notice says so when they are listed.
  const simulated = useWizard((s) => s.fido2.devices.some((d) => d.simulated));
  const device = fido2.devices.find((d) => d.id === fido2.deviceId) ?? null;
  const busy = fido2.status === 'scanning' || fido2.status === 'enrolling' || fido2.status === 'verifying';
  const enrollReasons = showReasons ? reasonsFor(validation.reasons, 'fido2-enroll') : [];

  useEffect(() => {
    if (!fido2.scanned && fido2.status === 'idle') void store.refreshFido2Devices();
  }, [fido2.scanned, fido2.status, store]);

  // Set up and Test disable themselves while the key works: focus waits on the touch prompt,
  // then goes to the result (the error, the enrolled key, or the test's outcome).
  const awaiting = useRef<'enroll' | 'test' | null>(null);
  const act = (action: 'enroll' | 'test') => {
    awaiting.current = action;
    focusWhenShown('fido2-live');
    void (action === 'enroll' ? store.enrollFido2() : store.testFido2());
  };
  useEffect(() => {
    if (busy || !awaiting.current) return;
    const action = awaiting.current;
    awaiting.current = null;
    focusWhenShown(fido2.error ? 'fido2-error' : action === 'test' ? 'fido2-test-result' : 'fido2-enrolled');
  }, [busy, fido2.error, fido2.enrollment, fido2.tested]);

  // The organization fixed the method: there is nothing else to switch to here.
  const methodFixed = useWizard((s) => setBy(s.boot, 'encryption') !== null);
  const usePassphrase = methodFixed ? null : (
    <button
      type="button"
      className="button button-link"
      onClick={() => {
        store.setEncryptionMethod('passphrase');
        focusWhenShown('passphrase');
      }}
    >
      {t('fido2.usePassphrase')}
    </button>
  );

  return (
    <div className="secret-section">
      {simulated ? (
        <Notice tone="info">
          <p>{t('fido2.simulatedNotice')}</p>
        </Notice>
      ) : null}
      <p>{t('fido2.intro')}</p>

      {fido2.status === 'scanning' ? (
        <p role="status" className="status-line">
          <Icon name="running" /> {t('fido2.scanning')}
        </p>
      ) : null}

      {fido2.toolsMissing ? (
        <Notice tone="warning" role="alert" title={t('fido2.toolsMissing.title')}>
          <p>{t('fido2.toolsMissing.text')}</p>
          {usePassphrase}
        </Notice>
      ) : null}

      {fido2.scanned && !fido2.toolsMissing && fido2.devices.length === 0 && fido2.status !== 'scanning' ? (
        <Notice tone="info" role="status" title={t('fido2.noDevice.title')}>
          <p>{t('fido2.noDevice.text')}</p>
          {usePassphrase}
        </Notice>
      ) : null}

      {fido2.devices.length > 0 ? (
        <fieldset className="fieldset">
          <legend className="fieldset-legend">{t('fido2.devices')}</legend>
          <ul className="device-list">
            {fido2.devices.map((d) => (
              <li key={d.id}>
                <label className="device">
                  <input
                    type="radio"
                    name="fido2-device"
                    checked={fido2.deviceId === d.id}
                    onChange={() => store.selectFido2Device(d.id)}
                    disabled={busy}
                  />
                  <bdi className="device-name">{d.name}</bdi>
                  {d.simulated ? <span className="badge">{t('fido2.simulated')}</span> : null}
                  {d.hasPin ? <span className="badge">{t('fido2.hasPin')}</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}

      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => void store.refreshFido2Devices()} disabled={busy}>
          {t('fido2.refresh')}
        </button>
      </div>

      {device ? (
        <>
          {device.hasPin || fido2.error === 'fido2-pin-required' || fido2.error === 'fido2-wrong-pin' ? (
            <SecretInput
              id="fido2-pin"
              label={t('fido2.pin.label')}
              hint={t('fido2.pin.hint')}
              value={pin}
              onChange={(v) => store.setSecret('fido2Pin', v)}
              autoComplete="off"
              invalid={fido2.error === 'fido2-wrong-pin' || fido2.error === 'fido2-pin-required'}
            />
          ) : null}
          <div className="button-row">
            <button
              type="button"
              id="fido2-enroll"
              className="button button-primary"
              onClick={() => act('enroll')}
              disabled={busy}
              aria-describedby={enrollReasons.length ? 'fido2-enroll-error' : undefined}
            >
              <Icon name="key" />
              {fido2.enrollment ? t('fido2.enrollAgain') : t('fido2.enroll')}
            </button>
          </div>
          <FieldMessage id="fido2-enroll-error" reasons={enrollReasons} />
        </>
      ) : null}

      <div aria-live="assertive" className="fido2-live" id="fido2-live" tabIndex={-1}>
        {fido2.touch && (fido2.status === 'enrolling' || fido2.status === 'verifying') ? (
          <p className="touch-prompt">
            <Icon name="key" className="pulse" /> {t('fido2.touch')}
          </p>
        ) : null}
      </div>

      {fido2.error && fido2.status !== 'enrolling' ? (
        <Notice tone="error" role="alert" id="fido2-error" focusable>
          <p>{t(`errors:code.${fido2.error}`, { defaultValue: t('errors:unknownCode', { code: fido2.error }) })}</p>
          {usePassphrase}
        </Notice>
      ) : null}

      {fido2.enrollment ? (
        <Notice
          tone="success"
          role="status"
          id="fido2-enrolled"
          focusable
          title={t('fido2.enrolled', { name: fido2.enrollment.deviceName })}
        >
          <p>{t('fido2.testHint')}</p>
          <button type="button" className="button button-secondary" onClick={() => act('test')} disabled={busy}>
            {t('fido2.test')}
          </button>
          {fido2.tested === true ? (
            <p className="field-ok" id="fido2-test-result" tabIndex={-1}>
              <Icon name="check" /> {t('fido2.testOk')}
            </p>
          ) : null}
          {fido2.tested === false ? (
            <p className="field-error" id="fido2-test-result" tabIndex={-1}>
              {t('fido2.testFailed')}
            </p>
          ) : null}
        </Notice>
      ) : null}

      <p className="field-hint">{t('fido2.recoveryAlways')}</p>
    </div>
  );
}
