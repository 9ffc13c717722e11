import { describe, expect, it } from 'vitest';
import { unlockKeymap } from '../../shared/keyboard/unlock-keymaps';
import { LANGUAGES } from '../i18n/languages';
import { findLayout, KEYBOARD_LAYOUTS, suggestedLayout, typesRecoveryKeyWith, untypeableChars } from './keyboard-layouts';

describe('keyboard layouts', () => {
  it('offers at least the layouts the wizard promises', () => {
    const ids = KEYBOARD_LAYOUTS.map((l) => l.id);
    for (const id of ['us', 'gb', 'de', 'fr', 'fi', 'ru']) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('offers only layouts the unlock prompt can load', () => {
    for (const l of KEYBOARD_LAYOUTS) expect(unlockKeymap(l), l.id).not.toBeNull();
    expect(KEYBOARD_LAYOUTS.map((l) => l.id)).not.toContain('ara');
  });

  it('suggests for every language a layout it offers: its own, else English (US)', () => {
    for (const language of LANGUAGES) expect(findLayout(suggestedLayout(language.keyboard)), language.code).toBeDefined();
    expect(suggestedLayout({ layout: 'ara', variant: '' })).toEqual({ layout: 'us', variant: '' });
    expect(suggestedLayout({ layout: 'fi', variant: '' })).toEqual({ layout: 'fi', variant: '' });
  });

  it('knows which offered layouts cannot type the recovery key', () => {
    expect(typesRecoveryKeyWith({ layout: 'us', variant: '' })).toBe(true);
    expect(typesRecoveryKeyWith({ layout: 'ru', variant: '' })).toBe(false);
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
