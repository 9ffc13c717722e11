// Nothing can go on in this session (a missing signing key, an incompatible helper): a clear
// statement, what to do, and the log for whoever helps.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../app/store-context';
import { ExportLogButton } from '../components/ExportLogButton';
import { Notice } from '../components/Notice';
import { PageFrame } from '../components/PageFrame';

export function FatalPage() {
  const { t } = useTranslation(['boot', 'errors']);
  const store = useActions();
  const code = useWizard((s) => s.boot.fatalCode) ?? 'internal';
  return (
    <PageFrame
      title={t('boot:fatal.title')}
      actions={
        <button type="button" className="button button-secondary" onClick={() => void store.restart()}>
          {t('boot:fatal.restart')}
        </button>
      }
    >
      <Notice tone="error" role="alert">
        <p>{t(`errors:code.${code}`, { defaultValue: t('errors:unknownCode', { code }) })}</p>
        <p>{t(`errors:advice.${code}`, { defaultValue: t('errors:advice.default') })}</p>
      </Notice>
      <ExportLogButton />
    </PageFrame>
  );
}
