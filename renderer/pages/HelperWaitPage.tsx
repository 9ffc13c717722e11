// The helper on the host cannot be reached yet: say so calmly and keep trying by itself.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../app/store-context';
import { useNow } from '../app/use-now';
import { Icon } from '../components/Icon';
import { PageFrame } from '../components/PageFrame';
import { formatNumber } from '../i18n/format';

export function HelperWaitPage() {
  const { t, i18n } = useTranslation('boot');
  const store = useActions();
  const attempts = useWizard((s) => s.boot.attempts);
  const nextTryAt = useWizard((s) => s.boot.nextTryAt);
  const now = useNow(1000);
  const seconds = nextTryAt ? Math.max(0, Math.ceil((nextTryAt - now) / 1000)) : 0;

  return (
    <PageFrame
      title={t('waiting.title')}
      intro={<p>{t('waiting.intro')}</p>}
      actions={
        <button type="button" className="button button-primary" onClick={() => void store.retryHelperNow()}>
          {t('waiting.tryNow')}
        </button>
      }
    >
      <p className="status-line" role="status">
        <Icon name="running" /> {t('waiting.attempts', { count: attempts, n: formatNumber(attempts, i18n.language) })}
      </p>
      <p className="field-hint" aria-hidden="true">
        {seconds > 0 ? t('waiting.next', { count: seconds, n: formatNumber(seconds, i18n.language) }) : t('waiting.trying')}
      </p>
      <p>{t('waiting.help')}</p>
    </PageFrame>
  );
}
