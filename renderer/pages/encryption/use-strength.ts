// The passphrase's strength, estimated off the main thread a moment after typing pauses.
import { useEffect, useState } from 'react';
import { createStrengthEstimator, type StrengthEstimator } from '../../strength/strength-client';
import type { StrengthResult } from '../../strength/types';

let estimator: StrengthEstimator | null = null;
const USER_INPUTS = ['spectrum', 'spectrumos', 'firstboot'];

export function useStrength(text: string, delayMs = 150): StrengthResult | null {
  const [result, setResult] = useState<{ text: string; r: StrengthResult } | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    const id = window.setTimeout(() => {
      estimator ??= createStrengthEstimator();
      void estimator.estimate(text, USER_INPUTS).then((r) => {
        if (live) setResult({ text, r });
      });
    }, delayMs);
    return () => {
      live = false;
      window.clearTimeout(id);
    };
  }, [text, delayMs]);
  // A result for an older text is still shown while the new one is worked out.
  return text && result ? result.r : null;
}
