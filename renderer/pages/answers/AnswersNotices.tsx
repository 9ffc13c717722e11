// What the wizard says about the organization's answers file: that it was refused (and why),
// that setup is running by itself, or why an unattended run stopped for a person.
import { useTranslation } from 'react-i18next';
import { useWizard } from '../../app/store-context';
import { Notice } from '../../components/Notice';
import { offeredAnswers, recoveryEscrowedOnly, refusedAnswersCode } from '../../state/answers';

export function AnswersRefusedNotice() {
  const { t } = useTranslation('answers');
  const code = useWizard((s) => refusedAnswersCode(s.boot));
  if (!code) return null;
  return (
    <Notice tone="error" role="alert" title={t('refused.title')}>
      <p>{t(`refused.code.${code}`)}</p>
      <p>{t('refused.text')}</p>
    </Notice>
  );
}

/** `stops`: also say why a run stopped for a person (on the page where the person acts). */
export function UnattendedNotice({ stops = false }: { stops?: boolean }) {
  const { t } = useTranslation('answers');
  const status = useWizard((s) => s.unattended);
  const reason = useWizard((s) => s.unattendedStop);
  const organization = useWizard((s) => offeredAnswers(s.boot)?.organization ?? '');
  if (status === 'running') {
    return (
      <Notice tone="info" role="status" title={t('unattended.title')}>
        <p>{t('unattended.text', { organization })}</p>
      </Notice>
    );
  }
  if (stops && status === 'needs-person' && reason) {
    return (
      <Notice tone="warning" role="alert" title={t('unattended.stoppedTitle')}>
        <p>{t(`stop.${reason}`)}</p>
      </Notice>
    );
  }
  return null;
}

/** Said where the recovery key is, when the organization keeps a copy of the one shown. */
export function EscrowNote() {
  const { t } = useTranslation('answers');
  const organization = useWizard((s) =>
    offeredAnswers(s.boot)?.escrow && !recoveryEscrowedOnly(s) ? offeredAnswers(s.boot)!.organization : null,
  );
  return organization ? <p className="field-hint">{t('escrowed', { organization })}</p> : null;
}

/** On Done, when nobody was shown the recovery key: who keeps it. */
export function EscrowOnlyNotice() {
  const { t } = useTranslation('answers');
  const organization = useWizard((s) => recoveryEscrowedOnly(s));
  if (!organization) return null;
  return (
    <Notice tone="info" title={t('doneEscrow.title', { organization })}>
      <p>{t('doneEscrow.text', { organization })}</p>
    </Notice>
  );
}
