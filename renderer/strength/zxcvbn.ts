// zxcvbn-ts with the common and English dictionaries, the keyboard graphs, and the dictionary
// of the page's language where one exists (language-packs.ts). Heavy (its word lists): only
// ever loaded lazily, in the strength worker or as a fallback chunk.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { languageDictionary } from './language-packs';
import type { StrengthResult } from './types';

export type Estimate = (text: string, userInputs: readonly string[], language: string) => Promise<StrengthResult>;

export function createEstimate(): Estimate {
  let current: { language: string; zxcvbn: Promise<ZxcvbnFactory> } | null = null;
  const factoryFor = (language: string) => {
    if (current?.language !== language) {
      // No translations: feedback comes back as keys, which the page localizes.
      const zxcvbn = languageDictionary(language).then(
        (own) => new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...english.dictionary, ...own }, graphs: common.adjacencyGraphs }),
      );
      current = { language, zxcvbn };
    }
    return current.zxcvbn;
  };
  return async (text, userInputs, language) => {
    const r = (await factoryFor(language)).check(text, [...userInputs]);
    return {
      score: r.score,
      warning: r.feedback.warning || null,
      suggestions: r.feedback.suggestions,
      crackSeconds: r.crackTimes.offlineSlowHashingXPerSecond.seconds,
    };
  };
}
