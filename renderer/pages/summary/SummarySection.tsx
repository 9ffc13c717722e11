// One block of the summary: what was chosen, in plain words, and a way back to change it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions } from '../../app/store-context';
import type { WizardPage } from '../../state/pages';

export function SummarySection({ title, page, changeLabel, children }: { title: string; page: WizardPage; changeLabel: string; children: ReactNode }) {
  const { t } = useTranslation('summary');
  const store = useActions();
  return (
    <section className="summary-section" aria-label={title}>
      <div className="summary-section-head">
        <h2 className="section-title">{title}</h2>
        <button type="button" className="button button-link" aria-label={changeLabel} onClick={() => store.goTo(page, { fromSummary: true })}>
          {t('change')}
        </button>
      </div>
      <dl className="summary-list">{children}</dl>
    </section>
  );
}

export function SummaryItem({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="summary-item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
