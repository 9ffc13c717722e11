import { describe, expect, it } from 'vitest';
import { findLayout, KEYBOARD_LAYOUTS, untypeableChars } from './keyboard-layouts';

describe('keyboard layouts', () => {
  it('offers at least the layouts the wizard promises', () => {
    const ids = KEYBOARD_LAYOUTS.map((l) => l.id);
    for (const id of ['us', 'gb', 'de', 'fr', 'fi', 'ara', 'ru']) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('knows what each layout can type', () => {
    const us = findLayout({ layout: 'us', variant: '' })!;
    const fi = findLayout({ layout: 'fi', variant: '' })!;
    const ru = findLayout({ layout: 'ru', variant: '' })!;
    expect(untypeableChars('Hello, world! 123', us)).toEqual([]);
    expect(untypeableChars('hyvää yötä', us)).toEqual(['ä', 'ö']);
    expect(untypeableChars('hyvää yötä', fi)).toEqual([]);
    expect(untypeableChars('привет', ru)).toEqual([]);
    expect(untypeableChars('abc', ru)).toEqual(['a', 'b', 'c']);
  });
});
