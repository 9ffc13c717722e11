// One block of the summary: what was chosen, in plain words, and a way back to change it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions } from '../../app/store-context';
import { SetBy } from '../../components/SetBy';
import type { WizardPage } from '../../state/pages';

/** `setBy`: the organization whose answers fixed the whole section; it then has no Change link. */
export function SummarySection({
  title,
  page,
  changeLabel,
  setBy,
  children,
}: {
  title: string;
  page: WizardPage;
  changeLabel: string;
  setBy?: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation('summary');
  const store = useActions();
  return (
    <section className="summary-section" aria-label={title}>
      <div className="summary-section-head">
        <h2 className="section-title">{title}</h2>
        {setBy ? (
          <SetBy organization={setBy} />
        ) : (
          <button
            type="button"
            className="button button-link"
            aria-label={changeLabel}
            onClick={() => store.goTo(page, { fromSummary: true })}
          >
            {t('change')}
          </button>
        )}
      </div>
      <dl className="summary-list">{children}</dl>
    </section>
  );
}

/** `setBy`: the organization whose answers fixed this item. */
export function SummaryItem({ term, setBy, children }: { term: string; setBy?: string | null; children: ReactNode }) {
  return (
    <div className="summary-item">
      <dt>{term}</dt>
      <dd>
        {children}
        {setBy ? (
          <>
            {' '}
            <SetBy organization={setBy} />
          </>
        ) : null}
      </dd>
    </div>
  );
}
