// The install's steps, each with its localized title and state in words (never color alone);
// a skipped step says why.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { formatClock } from '../../i18n/format';
import type { StepProgress } from '../../state/install-progress';

const ICONS = { pending: 'pending', running: 'running', done: 'check', skipped: 'skip', failed: 'cross' } as const;

export function StepRows({ steps }: { steps: readonly StepProgress[] }) {
  const { t, i18n } = useTranslation('progress');
  return (
    <ol className="install-steps">
      {steps.map((s) => (
        <li key={s.id} className={`install-step install-step-${s.state}`} aria-current={s.state === 'running' ? 'step' : undefined}>
          <Icon name={ICONS[s.state]} className="install-step-icon" />
          <span className="install-step-title">{t(`step.${s.id}`)}</span>
          <span className="install-step-state">
            {s.state === 'skipped'
              ? t('state.skippedBecause', { reason: t(`skipReason.${s.reason ?? 'unknown'}`, { defaultValue: t('skipReason.unknown') }) })
              : t(`state.${s.state}`)}
            {s.state === 'done' && s.elapsedMs !== null ? (
              <span className="install-step-time"> · {formatClock(s.elapsedMs, i18n.language)}</span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
