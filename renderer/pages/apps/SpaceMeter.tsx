// Disk space the selection needs on the user-data volume against what there is.
import { useTranslation } from 'react-i18next';
import { formatBytes, formatPercent } from '../../i18n/format';

export function SpaceMeter({ need, have }: { need: number; have: number }) {
  const { t, i18n } = useTranslation('apps');
  const fraction = have > 0 ? Math.min(1, need / have) : 1;
  const over = need > have;
  return (
    <section className="space" aria-labelledby="space-title">
      <h2 id="space-title" className="section-title">
        {t('space.title')}
      </h2>
      <p className={over ? 'space-text space-over' : 'space-text'}>
        {t(over ? 'space.over' : 'space.text', {
          need: formatBytes(need, i18n.language),
          have: formatBytes(have, i18n.language),
          percent: formatPercent(fraction, i18n.language),
        })}
      </p>
      <div className="bar" aria-hidden="true">
        <div className={over ? 'bar-fill bar-fill-over' : 'bar-fill'} style={{ inlineSize: `${fraction * 100}%` }} />
      </div>
    </section>
  );
}
