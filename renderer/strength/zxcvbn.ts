// zxcvbn-ts with the common and English dictionaries and the keyboard graphs. Heavy (its word
// lists): only ever loaded lazily, in the strength worker or as a fallback chunk.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import type { StrengthResult } from './types';

export type Estimate = (text: string, userInputs: readonly string[]) => StrengthResult;

export function createEstimate(): Estimate {
  // No translations: feedback comes back as keys, which the page localizes.
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return (text, userInputs) => {
    const r = zxcvbn.check(text, [...userInputs]);
    return {
      score: r.score,
      warning: r.feedback.warning || null,
      suggestions: r.feedback.suggestions,
      crackSeconds: r.crackTimes.offlineSlowHashingXPerSecond.seconds,
    };
  };
}
