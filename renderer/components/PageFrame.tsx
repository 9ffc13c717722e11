// The frame of every page: its heading (focused when the page opens, so keyboard and screen-
// reader users start at the top), the reasons that block Next, and Back / Next.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../app/store-context';
import type { WizardPage } from '../state/pages';
import type { Validation } from '../state/validators';
import { ErrorSummary } from './ErrorSummary';
import { Icon } from './Icon';

interface Props {
  readonly title: string;
  readonly intro?: ReactNode;
  readonly children: ReactNode;
  /** For wizard pages: the page's validation and the Back / Next footer. */
  readonly wizardPage?: WizardPage;
  readonly validation?: Validation;
  /** Replaces the footer (install pages, the summary). */
  readonly actions?: ReactNode;
}

export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} id="page-title" className="page-title">
      {children}
    </h1>
  );
}

export function PageFrame({ title, intro, children, wizardPage, validation, actions }: Props) {
  const { t } = useTranslation();
  const store = useActions();
  const attempted = useWizard((s) => (wizardPage ? s.nav.attempted.includes(wizardPage) : false));
  const isFirst = wizardPage === 'welcome';
  const summaryRef = useRef<HTMLDivElement>(null);
  const showReasons = (attempted || wizardPage === 'summary') && validation && !validation.ok;

  const content = (
    <>
      <PageHeading>{title}</PageHeading>
      {intro ? <div className="page-intro">{intro}</div> : null}
      {showReasons ? <ErrorSummary ref={summaryRef} reasons={validation.reasons} /> : null}
      <div className="page-content">{children}</div>
    </>
  );

  if (!wizardPage) {
    return (
      <section className="page" aria-labelledby="page-title">
        {content}
        {actions ? <div className="page-actions">{actions}</div> : null}
      </section>
    );
  }

  return (
    <form
      className="page"
      aria-labelledby="page-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (wizardPage === 'summary') return; // Install is its own deliberate button
        if (!store.next()) requestAnimationFrame(() => summaryRef.current?.focus());
      }}
    >
      {content}
      <div className="page-actions">
        {isFirst ? (
          <span />
        ) : (
          <button type="button" className="button button-secondary" onClick={() => store.back()}>
            <Icon name="back" />
            {t('common:nav.back')}
          </button>
        )}
        {actions ?? (
          <button type="submit" className="button button-primary">
            {t('common:nav.next')}
            <Icon name="next" />
          </button>
        )}
      </div>
    </form>
  );
}
