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
    ['de', 'nodeadkeys', 'de-nodeadkeys'],
    ['us', 'dvorak', 'dvorak'],
  ])('%s(%s) → %s', (layout, variant, keymap) => expect(consoleKeymap(layout, variant)).toBe(keymap));
});
