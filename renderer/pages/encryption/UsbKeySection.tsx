// The USB stick as a key: the sticks plugged into the computer, as the helper sees them (label,
// size, maker, file system), one picked; a stick that cannot take a key file, or is not the one
// the organization's answers file names, says why and cannot be picked. Nothing is written
// until Install, and then only the key file.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsbDrive } from '../../../shared/protocol/usb-messages';
import { useActions, useWizard } from '../../app/store-context';
import { FieldMessage } from '../../components/FieldMessage';
import { Icon } from '../../components/Icon';
import { Notice } from '../../components/Notice';
import { reasonsFor } from '../../components/use-reason-text';
import { formatBytes } from '../../i18n/format';
import { offeredAnswers, setBy } from '../../state/answers';
import { choosable, namedStickOf } from '../../state/usb-sticks';
import type { Validation } from '../../state/validators';

export function useDriveName(): (drive: Pick<UsbDrive, 'label' | 'model'>) => string {
  const { t } = useTranslation('encryption');
  return (drive) => drive.label ?? drive.model ?? t('usb.unnamed');
}

export function UsbKeySection({ validation, showReasons }: { validation: Validation; showReasons: boolean }) {
  const { t, i18n } = useTranslation('encryption');
  const store = useActions();
  const usb = useWizard((s) => s.usb);
  const chosen = useWizard((s) => s.choices.encryption.usbKey ?? null);
  const named = useWizard((s) => namedStickOf(s.boot));
  const organization = useWizard((s) => offeredAnswers(s.boot)?.organization ?? '');
  // The organization fixed the method: there is nothing else to switch to here.
  const methodFixed = useWizard((s) => setBy(s.boot, 'encryption') !== null);
  const sandbox = useWizard((s) => s.boot.app?.sandbox ?? false);
  const driveName = useDriveName();
  const reasons = showReasons ? reasonsFor(validation.reasons, 'usb-drives') : [];
  const chosenDrive = usb.drives.find((d) => d.id === chosen?.stick && choosable(d, named)) ?? null;
  const scanning = usb.status === 'scanning';

  useEffect(() => {
    if (!usb.scanned && usb.status === 'idle') void store.refreshUsbDrives();
  }, [usb.scanned, usb.status, store]);

  const usePassphrase = methodFixed ? null : (
    <button type="button" className="button button-link" onClick={() => store.setEncryptionMethod('passphrase')}>
      {t('usb.usePassphrase')}
    </button>
  );

  return (
    <div className="secret-section">
      {sandbox ? (
        <Notice tone="info">
          <p>{t('usb.sandboxNotice')}</p>
        </Notice>
      ) : null}
      <p>{t('usb.intro')}</p>

      {scanning ? (
        <p role="status" className="status-line">
          <Icon name="running" /> {t('usb.scanning')}
        </p>
      ) : null}

      {usb.scanned && !scanning && usb.drives.length === 0 && !usb.error ? (
        <Notice tone="info" role="status" title={t('usb.noDrive.title')}>
          <p>{t('usb.noDrive.text')}</p>
          {usePassphrase}
        </Notice>
      ) : null}

      {usb.error ? (
        <Notice tone="error" role="alert">
          <p>{t(`errors:code.${usb.error}`, { defaultValue: t('errors:unknownCode', { code: usb.error }) })}</p>
          {usePassphrase}
        </Notice>
      ) : null}

      {usb.drives.length > 0 ? (
        <fieldset className="fieldset" id="usb-drives" aria-describedby={reasons.length ? 'usb-drives-error' : undefined}>
          <legend className="fieldset-legend">{t('usb.drives')}</legend>
          <ul className="device-list">
            {usb.drives.map((d) => {
              const id = `usb-drive-${d.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
              // Why it cannot be picked: its own problem first, else not the stick the answers name.
              const notNamed = d.problem === null && !choosable(d, named);
              const why = d.problem !== null || notNamed;
              return (
                <li key={d.id}>
                  <label className="device device-usb">
                    <input
                      type="radio"
                      name="usb-drive"
                      checked={chosen?.stick === d.id && choosable(d, named)}
                      onChange={() => store.chooseUsbDrive(d.id)}
                      disabled={scanning || why}
                      aria-describedby={`${id}-details${why ? ` ${id}-problem` : ''}`}
                    />
                    <span className="device-name">{driveName(d)}</span>
                    <span id={`${id}-details`} className="field-hint device-details">
                      {t('usb.details', {
                        size: formatBytes(d.sizeBytes, i18n.language),
                        maker: [d.vendor, d.model].filter(Boolean).join(' ') || t('usb.noMaker'),
                        fileSystem: d.fsType ?? t('usb.noFileSystem'),
                      })}
                    </span>
                    {d.problem ? (
                      <span id={`${id}-problem`} className="field-warning device-problem">
                        {t(`usb.problem.${d.problem}`)}
                      </span>
                    ) : null}
                    {notNamed ? (
                      <span id={`${id}-problem`} className="field-warning device-problem">
                        {t('answers:otherStick', { organization })}
                      </span>
                    ) : null}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}
      <FieldMessage id="usb-drives-error" reasons={reasons} />

      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => void store.refreshUsbDrives()} disabled={scanning}>
          {t('usb.refresh')}
        </button>
      </div>

      {chosenDrive ? (
        <Notice tone="success" role="status">
          <p>{t('usb.chosen', { name: driveName(chosenDrive) })}</p>
        </Notice>
      ) : null}

      <p className="field-hint">{t('usb.recoveryAlways')}</p>
    </div>
  );
}
