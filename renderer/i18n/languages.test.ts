// The languages table (assets/locales/languages.json) and what hangs off it: each language's
// review status, its default keyboard layout, its digits and plural rules known to Intl, and
// the match from a browser or system preference.
import { describe, expect, it } from 'vitest';
import reviewStatus from '../../assets/locales/review-status.json';
import { DESCRIBED_LAYOUTS, findLayout, layoutId, suggestedLayout } from '../state/keyboard-layouts';
import { LANGUAGES, matchLanguage } from './languages';

const STATUSES = ['source', 'native-reviewed', 'machine-assisted'];

describe('languages', () => {
  it('each have a review status (assets/locales/review-status.json), and only they', () => {
    expect(Object.keys(reviewStatus).sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
    for (const [code, s] of Object.entries(reviewStatus))
      expect({ code, ok: STATUSES.includes(s.status) && s.note.length > 0 }).toEqual({ code, ok: true });
  });

  it.each(LANGUAGES.map((l) => [l.code, l] as const))(
    '%s: its default keyboard layout is known and what it suggests is offered, its name and direction agree',
    (_code, l) => {
      // Its own layout where the unlock prompt can load it, else English (US) (ADR 033).
      expect(DESCRIBED_LAYOUTS.map((d) => d.id)).toContain(layoutId(l.keyboard));
      expect(findLayout(suggestedLayout(l.keyboard))).toBeDefined();
      const firstStrong = [...l.nativeName].find((c) => /\p{L}/u.test(c)) ?? '';
      expect(/[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(firstStrong) ? 'rtl' : 'ltr').toBe(l.dir);
      expect(new Intl.NumberFormat(`${l.code}-u-nu-${l.digits}`).resolvedOptions().numberingSystem).toBe(l.digits);
      expect(Intl.PluralRules.supportedLocalesOf(l.code)).toEqual([l.code]);
    },
  );

  it('match a browser or system preference to an offered language', () => {
    expect(matchLanguage(['fi-FI'])).toBe('fi');
    expect(matchLanguage(['xx', 'de-AT'])).toBe('de');
    expect(matchLanguage(['xx'])).toBe('en');
    expect(matchLanguage(['pt-BR'])).toBe('pt-BR');
    expect(matchLanguage(['pt-PT'])).toBe('pt-BR');
    expect(matchLanguage(['zh-CN'])).toBe('zh-Hans');
    expect(matchLanguage(['zh'])).toBe('zh-Hans');
    expect(matchLanguage(['zh-TW', 'ja-JP'])).toBe('ja'); // traditional characters: not offered yet
    expect(matchLanguage(['he-IL'])).toBe('he');
  });
});
