// The wizard's steps at the side: where the person is, where they have been (each a way back),
// and what is still ahead. Every step keeps its number: the recovery-key step is listed from the
// start and marked "not needed" when no recovery key is made. On Done, no step is current.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../app/store-context';
import { wizardPages } from '../state/answers';
import { WIZARD_PAGES, isWizardPage, pageIndex } from '../state/pages';
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
  const active = wizardPages({ choices, boot, unattended });
  const encryption = choices.encryption;
  const installing = !isWizardPage(page);
  const finished = page === 'done';

  return (
    <nav className="step-list" aria-label={t('common:steps.label')}>
      <ol>
        {WIZARD_PAGES.map((p, i) => {
          // A page the answers file decided, or the recovery key once the method makes none.
          const skipped = !active.includes(p) && (p !== 'recovery' || encryption.method !== null);
          const current = p === page;
          const reachable = !installing && !current && !skipped && pageIndex(p) <= pageIndex(furthest);
          const done = !skipped && (installing || (isWizardPage(page) && pageIndex(p) < pageIndex(page)));
          const label = t(`common:page.${p}`);
          return (
            <li key={p} className={`step ${current ? 'step-current' : ''} ${done ? 'step-done' : ''} ${skipped ? 'step-skipped' : ''}`}>
              {reachable ? (
                <button type="button" className="step-link" onClick={() => store.goTo(p)}>
                  <span className="step-number" aria-hidden="true">
                    {done ? <Icon name="check" /> : number(i + 1)}
                  </span>
                  <span className="step-label">{label}</span>
                </button>
              ) : (
                <span className="step-static" aria-current={current ? 'step' : undefined}>
                  <span className="step-number" aria-hidden="true">
                    {done && !current ? <Icon name="check" /> : number(i + 1)}
                  </span>
                  <span className="step-label">
                    {label}
                    {skipped ? <span className="step-note"> {t('common:steps.notNeeded')}</span> : null}
                  </span>
                </span>
              )}
            </li>
          );
        })}
        <li className={`step ${installing && !finished ? 'step-current' : ''} ${finished ? 'step-done' : ''}`}>
          <span className="step-static" aria-current={installing && !finished ? 'step' : undefined}>
            <span className="step-number" aria-hidden="true">
              {finished ? <Icon name="check" /> : number(WIZARD_PAGES.length + 1)}
            </span>
            <span className="step-label">{t('common:page.install')}</span>
          </span>
        </li>
      </ol>
    </nav>
  );
}
