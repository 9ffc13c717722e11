import { describe, expect, it } from 'vitest';
import { PSEUDO_CLOSE, PSEUDO_OPEN, accent, pseudoResources, pseudoText } from './pseudo';

describe('pseudo-locale', () => {
  it('accents every ASCII letter and brackets the text', () => {
    const p = pseudoText('Next');
    expect(p.startsWith(`${PSEUDO_OPEN}Ñéẋţ `)).toBe(true);
    expect(p.endsWith(PSEUDO_CLOSE)).toBe(true);
    expect(accent('Spectrum setup')).not.toMatch(/[A-Za-z]/);
  });

  it('grows the text by about 40%, at least two characters', () => {
    const text = 'A few choices and Spectrum is ready. Everything you pick can be changed before you install.';
    const inner = pseudoText(text).slice(1, -1);
    expect(inner.length).toBeGreaterThanOrEqual(Math.round(text.length * 1.38));
    expect(inner.length).toBeLessThanOrEqual(Math.round(text.length * 1.45));
    expect(pseudoText('OK').length).toBeGreaterThanOrEqual('[ÖĶ ļö]'.length);
  });

  it('keeps placeholders and nesting, so interpolation and plurals still work', () => {
    expect(pseudoText('{{count}} VMs · about {{size}} of disk')).toMatch(/^\[\{\{count\}\} ṼṀš · áƀöûţ \{\{size\}\} öƒ ðíšķ .+\]$/u);
    expect(pseudoText('See $t(common:brand)')).toContain('$t(common:brand)');
    expect(pseudoText('{{path}}')).toBe('[{{path}}]');
    expect(pseudoText('')).toBe('');
  });

  it('turns a whole namespace, nested, keeping its keys', () => {
    expect(pseudoResources({ a: 'Hi', b: { c_one: '{{count}} app', c_other: '{{count}} apps' } })).toEqual({
      a: pseudoText('Hi'),
      b: { c_one: pseudoText('{{count}} app'), c_other: pseudoText('{{count}} apps') },
    });
  });
});
