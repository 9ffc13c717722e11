// Export log: saves the install log (no secrets) where main puts it and says where.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../app/store-context';

export function ExportLogButton() {
  const { t } = useTranslation('common');
  const store = useActions();
  const state = useWizard((s) => s.logExport);
  return (
    <div className="export-log">
      <button type="button" className="button button-secondary" onClick={() => void store.exportLog()} disabled={state.status === 'saving'}>
        {t('exportLog.button')}
      </button>
      <p role="status" className="field-hint">
        {state.status === 'saved' ? t('exportLog.saved', { path: state.path }) : null}
        {state.status === 'failed'
          ? t('exportLog.failed', { reason: t(`errors:code.${state.code}`, { defaultValue: state.code ?? '' }) })
          : null}
      </p>
    </div>
  );
}
