// Done: what was set up, a reminder about the recovery key, and Restart. The browser preview
// restarts no computer: there Restart says so instead of doing nothing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusWhenShown } from '../app/focus';
import { useActions, useWizard } from '../app/store-context';
import { useVmText } from '../app/use-vm-text';
import { Notice } from '../components/Notice';
import { PageFrame } from '../components/PageFrame';
import { formatList } from '../i18n/format';
import { makesRecoveryKey } from '../../shared/plan/unlock-methods';
import { EscrowNote, EscrowOnlyNotice } from './answers/AnswersNotices';
import { recoveryEscrowedOnly } from '../state/answers';
import { allVms } from '../state/presets';

export function DonePage() {
  const { t, i18n } = useTranslation('done');
  const escrowOnly = useWizard((s) => recoveryEscrowedOnly(s) !== null);
  const store = useActions();
  const vm = useVmText();
  const choices = useWizard((s) => s.choices);
  const method = choices.encryption.method;
  const restarting = useWizard((s) => s.restartRequested);
  const sandbox = useWizard((s) => s.boot.app?.sandbox ?? false);
  const preview = useWizard((s) => s.boot.app?.runtime === 'preview');
  const [previewSaid, setPreviewSaid] = useState(false);
  const lang = i18n.language;
  const restart = () => {
    if (!preview) return void store.restart();
    setPreviewSaid(true);
    focusWhenShown('restart-preview');
  };

  return (
    <PageFrame
      title={t('title')}
      intro={<p>{t('intro')}</p>}
      actions={
        <button type="button" className="button button-primary" onClick={restart} disabled={restarting}>
          {t('restart')}
        </button>
      }
    >
      <ul className="done-list">
        {/* A wizard that found the machine already set up knows nothing of its VMs or unlock method. */}
        {choices.profile !== null ? (
          <>
            <li>
              {t('vms', {
                list: formatList(
                  allVms(choices.apps).map((id) => vm.name(id)),
                  lang,
                ),
                count: allVms(choices.apps).length,
              })}
            </li>
            <li>{method === 'fido2' ? t('encryptedFido2') : method === 'usb-key' ? t('encryptedUsbKey') : t('encryptedPassphrase')}</li>
          </>
        ) : null}
        <li>{t('settings')}</li>
      </ul>
      <EscrowOnlyNotice />
      {makesRecoveryKey(choices.encryption) && !escrowOnly ? (
        <Notice tone="warning" title={t('recovery.title')}>
          <p>
            {method === 'fido2' ? t('recovery.textFido2') : method === 'usb-key' ? t('recovery.textUsbKey') : t('recovery.textPassphrase')}
          </p>
          <EscrowNote />
        </Notice>
      ) : null}
      {sandbox ? <p className="field-hint">{t('sandbox')}</p> : null}
      {restarting ? <p role="status">{t('restarting')}</p> : null}
      <p role="status" id="restart-preview" tabIndex={-1} className={previewSaid ? undefined : 'visually-hidden'}>
        {previewSaid ? t('previewRestart') : null}
      </p>
    </PageFrame>
  );
}
