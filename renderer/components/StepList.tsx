// The wizard's steps at the side: where the person is, where they have been (each a way back),
// and what is still ahead.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../app/store-context';
import { wizardPages } from '../state/answers';
import { isWizardPage, pageIndex } from '../state/pages';
import { formatNumber } from '../i18n/format';
import { Icon } from './Icon';

export function StepList() {
  const { t, i18n } = useTranslation();
  const store = useActions();
  const number = (n: number) => formatNumber(n, i18n.language);
  const page = useWizard((s) => s.nav.page);
  const furthest = useWizard((s) => s.nav.furthest);
  const choices = useWizard((s) => s.choices);
  const boot = useWizard((s) => s.boot);
  const unattended = useWizard((s) => s.unattended);
  const pages = wizardPages({ choices, boot, unattended });
  const installing = !isWizardPage(page);

  return (
    <nav className="step-list" aria-label={t('common:steps.label')}>
      <ol>
        {pages.map((p, i) => {
          const current = p === page;
          const reachable = !installing && !current && pageIndex(p) <= pageIndex(furthest);
          const done = installing || (isWizardPage(page) && pageIndex(p) < pageIndex(page));
          const label = t(`common:page.${p}`);
          return (
            <li key={p} className={`step ${current ? 'step-current' : ''} ${done ? 'step-done' : ''}`}>
              {reachable ? (
                <button type="button" className="step-link" onClick={() => store.goTo(p)}>
                  <span className="step-number" aria-hidden="true">{number(i + 1)}</span>
                  <span>{label}</span>
                </button>
              ) : (
                <span className="step-static" aria-current={current ? 'step' : undefined}>
                  <span className="step-number" aria-hidden="true">{done && !current ? <Icon name="check" /> : number(i + 1)}</span>
                  <span>{label}</span>
                </span>
              )}
            </li>
          );
        })}
        <li className={`step ${installing ? 'step-current' : ''}`}>
          <span className="step-static" aria-current={installing ? 'step' : undefined}>
            <span className="step-number" aria-hidden="true">{number(pages.length + 1)}</span>
            <span>{t('common:page.install')}</span>
          </span>
        </li>
      </ol>
    </nav>
  );
}
