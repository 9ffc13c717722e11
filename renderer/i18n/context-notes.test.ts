// Context for translators (ADR 047): every note is about keys that exist, and every string
// into which a text value is inserted (a name, a size, a step, a path) has a note saying what
// that value is. Numbers ({{count}}, {{min}}…) speak for themselves.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import notes from '../../assets/locales/context-notes.json';
import { pluralParts, placeholders, readLanguage } from '../../scripts/l10n/locale-tree';
import { noteFor, notePattern } from './context-notes';

const root = path.join(__dirname, '..', '..');
const english = readLanguage(root, 'en');
const bases = new Set([...english.keys()].map((k) => pluralParts(k).base));
const NUMBERS = new Set(['count', 'n', 'min', 'max', 'total', 'index', 'group']);

describe('context notes', () => {
  it('are about keys that exist in English', () => {
    const stale = Object.keys(notes).filter((k) => (k.includes('*') ? ![...bases].some((b) => notePattern(k).test(b)) : !bases.has(k)));
    expect(stale).toEqual([]);
  });

  it('explain every text value inserted into a string', () => {
    const lacking = [...english]
      .filter(([, text]) => [...placeholders(text)].some((p) => !NUMBERS.has(p)))
      .map(([key]) => key)
      .filter((key) => noteFor(notes, key) === undefined);
    expect(lacking).toEqual([]);
  });

  it('find a key by its own note first, then its family, plural suffix aside', () => {
    expect(noteFor({ 'done:vms': 'own', 'done:*': 'family' }, 'done:vms_one')).toBe('own');
    expect(noteFor({ 'catalog:app.*.name': 'names' }, 'catalog:app.browser.name')).toBe('names');
    expect(noteFor({ 'catalog:app.*.name': 'names' }, 'catalog:app.browser.description')).toBeUndefined();
  });
});
