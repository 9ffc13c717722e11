// Strength feedback as the person types: a five-step bar, a word for it, and zxcvbn's warning
// and suggestions, localized by key.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import type { StrengthResult } from '../../strength/types';
import { useStrength } from './use-strength';
import { useActions, useWizard } from '../../app/store-context';

function crackTimeKey(seconds: number): { key: string; count: number } {
  const minute = 60,
    hour = 3600,
    day = 86400,
    year = 31_557_600;
  if (seconds < minute) return { key: 'lessThanMinute', count: 1 };
  if (seconds < hour) return { key: 'minutes', count: Math.round(seconds / minute) };
  if (seconds < day) return { key: 'hours', count: Math.round(seconds / hour) };
  if (seconds < year) return { key: 'days', count: Math.round(seconds / day) };
  if (seconds < 100 * year) return { key: 'years', count: Math.round(seconds / year) };
  return { key: 'centuries', count: 1 };
}

/** `busy`: the estimate shown is not yet for what the field holds (the meter may still grow). */
export function StrengthMeter({ id, result, empty, busy }: { id: string; result: StrengthResult | null; empty: boolean; busy: boolean }) {
  const { t, i18n } = useTranslation('encryption');
  if (empty) return <div id={id} className="strength" aria-busy="false" />;
  const score = result?.score ?? 0;
  const time = result ? crackTimeKey(result.crackSeconds) : null;
  return (
    <div id={id} className={`strength strength-${score}`} aria-busy={busy}>
      <div className="strength-bar" aria-hidden="true">
        {[0, 1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= score && result ? 'strength-seg strength-seg-on' : 'strength-seg'} />
        ))}
      </div>
      <p className="strength-label" aria-live="polite">
        {result ? t('strength.label', { level: t(`strength.level.${score}`) }) : t('strength.checking')}
      </p>
      {result && time ? (
        <p className="field-hint">
          {t(`strength.crackTime.${time.key}`, { count: time.count, n: formatNumber(time.count, i18n.language) })}
        </p>
      ) : null}
      {result?.warning ? (
        <p className="field-hint strength-warning">{t(`strength.warning.${result.warning}`, { defaultValue: '' })}</p>
      ) : null}
      {result && result.suggestions.length > 0 ? (
        <ul className="field-hint strength-suggestions">
          {result.suggestions.map((s) => (
            <li key={s}>{t(`strength.suggestion.${s}`, { defaultValue: '' })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The meter for a passphrase: its own component, so an estimate re-renders only the meter. */
export function PassphraseStrength({ id, text }: { id: string; text: string }) {
  const store = useActions();
  const language = useWizard((s) => s.choices.locale);
  const { result, current } = useStrength(text, language, store.setPassphraseStrength);
  return <StrengthMeter id={id} result={result} empty={text.length === 0} busy={!current} />;
}
