// Failure: which step, in plain words by error code, and the ways on: Retry, Back to change the
// choices while nothing was written, Export log.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from '../app/store-context';
import { Disclosure } from '../components/Disclosure';
import { ExportLogButton } from '../components/ExportLogButton';
import { Icon } from '../components/Icon';
import { Notice } from '../components/Notice';
import { PageFrame } from '../components/PageFrame';
import { anythingWritten, startsOver } from '../state/install-progress';
import { StepRows } from './progress/StepRows';

export function FailurePage() {
  const { t } = useTranslation(['errors', 'progress', 'common']);
  const store = useActions();
  const install = useWizard((s) => s.install);
  const failure = install.failure;
  const code = failure?.code ?? 'internal';
  const canGoBack = !anythingWritten(install);
  const canRetry = (failure?.retryable ?? false) || startsOver(failure);
  const disk = useWizard((s) => s.boot.helper?.machine.disk);
  const diskName = disk ? (disk.model ? `${disk.name} (${disk.model})` : disk.name) : '';

  return (
    <PageFrame
      title={t('errors:failure.title')}
      actions={
        <>
          {canGoBack ? (
            <button type="button" className="button button-secondary" onClick={() => store.backToChoices()} aria-describedby="back-hint">
              <Icon name="back" />
              {t('common:nav.back')}
            </button>
          ) : null}
          {canRetry ? (
            <button type="button" className="button button-primary" onClick={() => void store.retry()}>
              {t('errors:failure.retry')}
            </button>
          ) : null}
        </>
      }
    >
      <Notice
        tone="error"
        title={failure?.step ? t('errors:failure.atStep', { step: t(`progress:step.${failure.step}`) }) : t('errors:failure.beforeStart')}
      >
        <p>{t(`errors:code.${code}`, { defaultValue: t('errors:unknownCode', { code }) })}</p>
        {code === 'target-in-use' && disk ? (
          <p>
            {disk.found.length > 0 ? t('errors:targetInUse.holds', { disk: diskName }) : t('errors:targetInUse.disk', { disk: diskName })}
            {disk.found.length > 0 ? (
              <>
                {' '}
                {disk.found.map((f, i) => (
                  <span key={f}>
                    {i > 0 ? ', ' : ''}
                    <code lang="en" dir="ltr">
                      {f}
                    </code>
                  </span>
                ))}
              </>
            ) : null}
          </p>
        ) : null}
        <p>{t(`errors:advice.${code}`, { defaultValue: t('errors:advice.default') })}</p>
      </Notice>
      {canGoBack ? (
        <p id="back-hint" className="field-hint">
          {t('errors:failure.backHint')}
        </p>
      ) : (
        <p className="field-hint">{t('errors:failure.noBack')}</p>
      )}
      {install.steps.length > 0 ? <StepRows steps={install.steps} /> : null}
      {failure && (failure.details.length > 0 || failure.message) ? (
        <Disclosure label={t('errors:failure.details')}>
          <div lang="en" dir="ltr">
            <p>
              <code>{failure.code}</code>: {failure.message}
            </p>
            {failure.details.length > 0 ? (
              <ul>
                {failure.details.map((d, i) => (
                  <li key={i}>
                    <code>{d.path}</code>: {d.problem}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </Disclosure>
      ) : null}
      <ExportLogButton />
    </PageFrame>
  );
}
