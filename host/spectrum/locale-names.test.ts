import { describe, expect, it } from 'vitest';
import { consoleKeymap, posixLocale } from './locale-names';

describe('posixLocale', () => {
  it.each([
    ['fi', 'fi_FI.UTF-8'],
    ['en-GB', 'en_GB.UTF-8'],
    ['sr-Latn-RS', 'sr_RS.UTF-8@latin'],
    ['pt-BR', 'pt_BR.UTF-8'],
    ['xx', 'C.UTF-8'],
    ['es-419', 'es_ES.UTF-8'],
  ])('%s → %s', (tag, posix) => expect(posixLocale(tag)).toBe(posix));
});

describe('consoleKeymap', () => {
  it.each([
    ['fi', '', 'fi'],
    ['gb', '', 'uk'],
    ['de', 'nodeadkeys', 'de-latin1-nodeadkeys'],
    ['us', 'dvorak', 'dvorak'],
    ['se', '', 'sv-latin1'],
  ])('%s(%s) → %s', (layout, variant, keymap) => expect(consoleKeymap(layout, variant)).toBe(keymap));

  it('never makes up a keymap the console does not have', () => {
    expect(() => consoleKeymap('ara', '')).toThrow(/no console keymap/);
  });
});
