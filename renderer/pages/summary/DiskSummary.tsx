// The disk and the machine, on the Summary: which disk the install writes to (name, model, size),
// its layout before and after, the memory, and a warning (never a block) where something Spectrum
// needs is missing: the IOMMU its network VM uses, enough memory, system VMs this host lacks.
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../shared/plan/catalog';
import { RECOMMENDED_MEMORY_BYTES, type DiskArea, type Machine } from '../../../shared/protocol/host-facts';
import { useVmText } from '../../app/use-vm-text';
import { Notice } from '../../components/Notice';
import { formatBytes, formatList } from '../../i18n/format';
import { SummaryItem } from './SummarySection';

function Layout({ areas, label }: { areas: readonly DiskArea[]; label: string }) {
  const { t, i18n } = useTranslation('summary');
  return (
    <ol className="disk-layout" aria-label={label}>
      {areas.map((a, i) => (
        <li key={i} className={a.isNew ? 'disk-area disk-area-new' : 'disk-area'}>
          {t(`summary:disk.role.${a.role}`)}
          {a.label && a.role !== 'free' && a.role !== 'user-data' ? (
            <span lang="en" dir="ltr">
              {' '}
              ({a.label})
            </span>
          ) : null}
          {': '}
          {formatBytes(a.sizeBytes, i18n.language)}
          {a.isNew ? <strong> {t('disk.new')}</strong> : null}
        </li>
      ))}
    </ol>
  );
}

export function DiskSummary({ machine, catalog }: { machine: Machine; catalog: Catalog }) {
  const { t, i18n } = useTranslation('summary');
  const vm = useVmText();
  const lang = i18n.language;
  const disk = machine.disk;
  const missingSystem = catalog.filter((e) => e.kind === 'system' && e.availability === 'missing').map((e) => vm.name(e.id));
  const lowMemory = machine.memoryBytes > 0 && machine.memoryBytes < RECOMMENDED_MEMORY_BYTES;
  return (
    <section className="summary-section" aria-label={t('section.machine')}>
      <div className="summary-section-head">
        <h2 className="section-title">{t('section.machine')}</h2>
      </div>
      <dl className="summary-list">
        {disk ? (
          <>
            <SummaryItem term={t('item.disk')}>
              {disk.model
                ? t('diskWithModel', { name: disk.name, model: disk.model, size: formatBytes(disk.sizeBytes, lang) })
                : t('diskValue', { name: disk.name, size: formatBytes(disk.sizeBytes, lang) })}
            </SummaryItem>
            <SummaryItem term={t('item.layoutBefore')}>
              <Layout areas={disk.before} label={t('item.layoutBefore')} />
            </SummaryItem>
            <SummaryItem term={t('item.layoutAfter')}>
              <Layout areas={disk.after} label={t('item.layoutAfter')} />
            </SummaryItem>
          </>
        ) : null}
        <SummaryItem term={t('item.memory')}>{formatBytes(machine.memoryBytes, lang)}</SummaryItem>
      </dl>
      {machine.iommu === 'absent' || machine.iommu === 'unknown' ? (
        <Notice tone="warning" title={t(`summary:warn.iommu.${machine.iommu}.title`)}>
          <p>{t(`summary:warn.iommu.${machine.iommu}.text`)}</p>
        </Notice>
      ) : null}
      {lowMemory ? (
        <Notice tone="warning" title={t('warn.memory.title')}>
          <p>
            {t('warn.memory.text', { have: formatBytes(machine.memoryBytes, lang), want: formatBytes(RECOMMENDED_MEMORY_BYTES, lang) })}
          </p>
        </Notice>
      ) : null}
      {missingSystem.length > 0 ? (
        <Notice tone="info" title={t('warn.missingVms.title')}>
          <p>{t('warn.missingVms.text', { list: formatList(missingSystem, lang) })}</p>
        </Notice>
      ) : null}
    </section>
  );
}
