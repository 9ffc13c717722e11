// The estimator knows the common words of the page's language where zxcvbn-ts has a package:
// a long word of that language is guessed far sooner with its dictionary than with English's.
import * as english from '@zxcvbn-ts/language-en';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_PACKS } from './language-packs';
import { createEstimate } from './zxcvbn';

const englishWords = new Set(Object.values(english.dictionary).flat().map(String));

/** A frequent word (or name) of the language, long enough to look strong to English eyes. */
async function localWord(language: string): Promise<string> {
  const { dictionary } = await LANGUAGE_PACKS[language]!();
  const words = Object.values(dictionary).flatMap((w) => w.map(String));
  const word = words.find((w) => [...w].length >= 9 && !englishWords.has(w) && /^\p{L}+(?:-\p{L}+)*$/u.test(w));
  if (!word) throw new Error(`no long word in the ${language} package`);
  return word;
}

describe('strength estimate per language', () => {
  const estimate = createEstimate();

  it.each(Object.keys(LANGUAGE_PACKS))('%s: its common words are guessed sooner with its dictionary', async (language) => {
    const word = await localWord(language);
    const withEnglish = await estimate(word, [], 'en');
    const withOwn = await estimate(word, [], language);
    expect(withOwn.crackSeconds).toBeLessThan(withEnglish.crackSeconds / 100);
  });

  it('uses English and the common lists for a language without a package', async () => {
    expect((await estimate('password1', [], 'ko')).score).toBeLessThanOrEqual(1);
  });
});
