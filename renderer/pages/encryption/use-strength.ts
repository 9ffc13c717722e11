// The passphrase's strength as the person types: on every keystroke when the estimator runs in
// its worker, a moment after typing pauses when it has to run in the page.
import { useEffect, useLayoutEffect, useState } from 'react';
import { createStrengthEstimator, type StrengthEstimator } from '../../strength/strength-client';
import type { StrengthResult } from '../../strength/types';

let estimator: StrengthEstimator | null = null;
const USER_INPUTS = ['spectrum', 'spectrumos', 'firstboot'];
/** Pause before estimating in the page, where each estimate takes the main thread. */
const IN_PAGE_DELAY_MS = 150;

/**
 * A performance mark made when the meter shows the estimate of exactly what is in the field
 * (`npm run bench` times keystrokes against it). It carries nothing of the passphrase.
 */
export const STRENGTH_SHOWN_MARK = 'spectrum:strength-shown';

/** Starts the estimator's worker and dictionaries loading (the Encryption page calls it as it opens). */
export function preloadStrengthEstimator(): void {
  estimator ??= createStrengthEstimator();
}

/**
 * `onCurrent` hears the score once the estimate is for exactly `text` in `language` (the page
 * gates Next on it): a language change estimates again, with that language's dictionary.
 */
export function useStrength(
  text: string,
  language: string,
  onCurrent?: (text: string, score: number) => void,
): { result: StrengthResult | null; current: boolean } {
  const [result, setResult] = useState<{ text: string; language: string; r: StrengthResult } | null>(null);
  // Start the worker (and its dictionaries) as the field appears, not at the first keystroke.
  useEffect(() => {
    estimator ??= createStrengthEstimator();
  }, []);
  useEffect(() => {
    if (!text) return;
    let live = true;
    const ask = () => {
      estimator ??= createStrengthEstimator();
      void estimator.estimate(text, USER_INPUTS, language).then((r) => {
        if (live && r) setResult({ text, language, r });
      });
    };
    if (estimator?.inWorker) {
      ask();
      return () => {
        live = false;
      };
    }
    const id = window.setTimeout(ask, IN_PAGE_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(id);
    };
  }, [text, language]);
  // Current: the estimate of exactly this text, with the dictionary of the language shown now.
  const current = text !== '' && result?.text === text && result.language === language;
  useLayoutEffect(() => {
    if (!current || !result) return;
    performance.clearMarks(STRENGTH_SHOWN_MARK);
    performance.mark(STRENGTH_SHOWN_MARK);
  }, [current, result]);
  // The score reaches the store after the frame that shows the meter: the store's change
  // re-renders the whole page (its validation), which would otherwise hold that frame back
  // (ADR 120). A Next pressed meanwhile waits for it (nav.nextWhenStrengthKnown).
  useEffect(() => {
    if (current && result) onCurrent?.(result.text, result.r.score);
  }, [current, result, onCurrent]);
  // A result for an older text is still shown while the new one is worked out.
  return { result: text && result ? result.r : null, current };
}
