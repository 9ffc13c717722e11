// Reviewers' view switch: the text, the pseudo-locale or the keys (ADR 041). Rendered only
// where the reviewer modes are allowed: the browser preview or the sandbox.
import { useTranslation } from 'react-i18next';
import { REVIEW_MODES, type ReviewMode } from '../i18n/review';
import { useReview } from '../i18n/review-context';

export function ReviewMenu() {
  const { t } = useTranslation('common');
  const allowed = useReview((s) => s.allowed);
  const mode = useReview((s) => s.mode);
  const setMode = useReview((s) => s.setMode);
  if (!allowed) return null;
  return (
    <div className="header-menu header-menu-review">
      <label htmlFor="review-mode" className="header-menu-label">
        {t('review.label')}
      </label>
      <select id="review-mode" className="input header-select" value={mode} onChange={(e) => setMode(e.target.value as ReviewMode)}>
        {REVIEW_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`review.${m}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
