// Progress: weighted steps fed by the host's events, time taken, when the host was last heard
// from, a calm notice while the connection is re-established, and a collapsible log.
// Announcements to screen readers are rate-limited.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useWizard } from '../app/store-context';
import { useNow } from '../app/use-now';
import { useAnnouncer } from '../components/Announcer';
import { Icon } from '../components/Icon';
import { Notice } from '../components/Notice';
import { PageFrame } from '../components/PageFrame';
import { formatAgo, formatClock, formatPercent } from '../i18n/format';
import { runningStep, weightedFraction } from '../state/install-progress';
import { LiveLog } from './progress/LiveLog';
import { StepRows } from './progress/StepRows';

/** After this long without a word from the host, the page says so. */
const QUIET_MS = 15_000;

export function ProgressPage() {
  const { t, i18n } = useTranslation('progress');
  const install = useWizard((s) => s.install);
  const now = useNow(1000);
  const { announce } = useAnnouncer();
  const fraction = weightedFraction(install.steps);
  const running = runningStep(install.steps);
  const lang = i18n.language;
  const total = install.steps.length;
  const position = running ? install.steps.indexOf(running) + 1 : install.steps.filter((s) => s.state !== 'pending').length;
  const quiet = install.lastHeardAt !== null && now - install.lastHeardAt > QUIET_MS;

  const spoken = running
    ? t('announce.step', { index: position, total, title: t(`step.${running.id}`), percent: formatPercent(fraction, lang) })
    : null;
  useEffect(() => {
    if (spoken) announce(spoken);
  }, [spoken, announce]);

  return (
    <PageFrame title={t('title')} intro={<p>{t('intro')}</p>}>
      {install.connection === 'lost' ? (
        <Notice tone="info" role="status" title={t('connection.lostTitle')}>
          <p>{t('connection.lost')}</p>
        </Notice>
      ) : null}

      <div className="progress-summary">
        <div
          className="bar bar-large"
          role="progressbar"
          aria-label={t('overall')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)}
          aria-valuetext={formatPercent(fraction, lang)}
        >
          <div className={`bar-fill ${running ? 'bar-fill-active' : ''}`} style={{ inlineSize: `${fraction * 100}%` }} />
        </div>
        <p className="progress-facts">
          <span>{formatPercent(fraction, lang)}</span>
          <span>{t('elapsed', { time: formatClock(install.startedAt ? now - install.startedAt : 0, lang) })}</span>
          <span className={quiet ? 'progress-quiet' : undefined}>
            {install.lastHeardAt !== null ? t('lastHeard', { ago: formatAgo(now - install.lastHeardAt, lang) }) : t('waitingFirst')}
          </span>
        </p>
        {quiet && install.connection === 'ok' ? (
          <p className="field-hint">
            <Icon name="info" /> {t('quiet')}
          </p>
        ) : null}
      </div>

      <StepRows steps={install.steps} />
      <LiveLog />
    </PageFrame>
  );
}
