// The i18next instance the wizard runs with: other languages load lazily and fully, plurals
// follow each language's CLDR rules, numbers in strings go through Intl, and the reviewer modes
// give the pseudo-locale and the keys.
import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';
import { formatBytes, formatClock, formatMinutes, formatNumber, formatPercent } from './format';
import { ISOLATE_END, ISOLATE_START } from './intl-formatter';
import { KEYS_LOCALE, LANGUAGES, PSEUDO_LOCALE } from './languages';

describe('i18n', () => {
  it('loads a language lazily, every namespace, without English showing through', async () => {
    const i18n = await createI18n('en');
    await i18n.changeLanguage('fi');
    expect(i18n.t('welcome:title')).toBe('Tervetuloa Spectrumiin');
    expect(i18n.t('errors:code.fido2-wrong-pin')).toMatch(/^PIN-koodi/);
  });

  it('picks plural forms by CLDR category (Arabic zero…other, French many)', async () => {
    const i18n = await createI18n('ar');
    const facts = (count: number) => i18n.t('profile:facts', { count, size: 'S', time: 'T' });
    expect(facts(1)).toMatch(/^آلة افتراضية واحدة/);
    expect(facts(2)).toMatch(/^آلتان افتراضيتان/);
    expect(facts(4)).toMatch(/آلات افتراضية/);
    expect(facts(11)).toMatch(/آلة افتراضية/);
    await i18n.changeLanguage('fr');
    expect(i18n.t('done:vms', { count: 1_000_000, list: 'x' })).toBe('1\u202f000\u202f000 de VM configurées\u00a0: x.');
  });

  it('formats every number it interpolates with Intl, in the page language', async () => {
    const i18n = await createI18n('de');
    expect(i18n.t('apps:search.count', { count: 1234, total: 5000 })).toBe('1.234 von 5.000 Anwendungen angezeigt');
    await i18n.changeLanguage('en');
    expect(i18n.t('apps:search.count', { count: 1234, total: 5000 })).toBe('Showing 1,234 of 5,000 apps');
  });

  it('shows the pseudo-locale and the keys in the reviewer modes', async () => {
    const i18n = await createI18n('en');
    await i18n.changeLanguage(PSEUDO_LOCALE);
    expect(i18n.t('common:nav.next')).toMatch(/^\[Ñéẋţ .+\]$/u);
    expect(i18n.t('profile:facts', { count: 2, size: '1 GB', time: '3 min' })).toMatch(/^\[2 ṼṀš · áƀöûţ 1 GB öƒ ðíšķ/u);
    await i18n.changeLanguage(KEYS_LOCALE);
    expect(i18n.t('common:nav.next')).toBe('common:nav.next');
    expect(i18n.t('app.browser.name', { ns: 'catalog', defaultValue: 'x' })).toBe('catalog:app.browser.name');
  });

  it('isolates every value inserted into right-to-left text, and leaves left-to-right text alone', async () => {
    const i18n = await createI18n('ar');
    await i18n.changeLanguage('ar');
    const enrolled = i18n.t('encryption:fido2.enrolled', { name: 'YubiKey 5 NFC' });
    expect(enrolled).toContain(`${ISOLATE_START}YubiKey 5 NFC${ISOLATE_END}`);
    expect(i18n.t('common:exportLog.saved', { path: '/home/user/log.txt' })).toContain(`${ISOLATE_START}/home/user/log.txt${ISOLATE_END}`);
    expect(i18n.t('apps:search.count', { count: 12, total: 40 })).toContain(`${ISOLATE_START}40${ISOLATE_END}`);
    await i18n.changeLanguage('en');
    expect(i18n.t('encryption:fido2.enrolled', { name: 'YubiKey 5 NFC' })).toBe('Security key ready: YubiKey 5 NFC');
  });
});

const DIGITS: Record<string, RegExp> = { latn: /[0-9]/u, arab: /[\u0660-\u0669]/u, arabext: /[\u06F0-\u06F9]/u };

describe('digits', () => {
  it.each(LANGUAGES.map((l) => [l.code, l.digits] as const))('%s shows numbers in %s digits in every formatter', async (code, digits) => {
    const samples = [
      formatNumber(1_234_567.5, code),
      formatBytes(1_234_567_890, code),
      formatPercent(0.42, code),
      formatClock(3_723_000, code),
      formatMinutes(12, code),
    ];
    const i18n = await createI18n(code);
    samples.push(i18n.t('apps:search.count', { count: 12, total: 40 }));
    for (const s of samples) {
      expect(s).toMatch(DIGITS[digits]!);
      for (const [other, re] of Object.entries(DIGITS)) if (other !== digits && other !== 'latn') expect(s).not.toMatch(re);
      if (digits !== 'latn') expect(s.replace(/[0-9]/g, '')).toBe(s); // no Western digits mixed in
    }
  });
});
