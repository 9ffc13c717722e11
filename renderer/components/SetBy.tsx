// "Set by <organization>": a choice the organization's answers file fixed, shown, not editable.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function SetBy({ organization }: { organization: string }) {
  const { t } = useTranslation('answers');
  return <span className="field-hint set-by">{t('setBy', { organization })}</span>;
}

/** A fixed choice in place of its control: what it is, its value, and who set it. */
export function FixedChoice({
  id,
  legend,
  organization,
  children,
}: {
  id: string;
  legend: string;
  organization: string;
  children: ReactNode;
}) {
  return (
    <section className="fieldset" id={id} aria-labelledby={`${id}-legend`}>
      <h2 className="fieldset-legend" id={`${id}-legend`}>
        {legend}
      </h2>
      <p>{children}</p>
      <SetBy organization={organization} />
    </section>
  );
}
