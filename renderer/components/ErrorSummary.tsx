// What still stops a person from continuing, listed after they pressed Next, each linked to
// its field. Takes focus so a screen-reader user hears it at once.
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../state/validators';
import { useReasonText } from './use-reason-text';

export const ErrorSummary = forwardRef<HTMLDivElement, { reasons: readonly Reason[] }>(function ErrorSummary({ reasons }, ref) {
  const { t } = useTranslation();
  const text = useReasonText();
  if (reasons.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary-title">
        {t('common:errorSummary.title')}
      </h2>
      <ul>
        {reasons.map((r) => (
          <li key={r.key + (r.field ?? '')}>
            {r.field ? (
              <a
                href={`#${r.field}`}
                onClick={(e) => {
                  const target = document.getElementById(r.field!);
                  if (target) {
                    e.preventDefault();
                    target.focus();
                  }
                }}
              >
                {text(r)}
              </a>
            ) : (
              text(r)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});
