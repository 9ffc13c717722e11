import { describe, expect, it } from 'vitest';
import { CONSOLE_KEYMAPS } from './console-keymaps';
import layouts from '../../assets/keyboard-layouts.json';
import { LATIN_KEYMAP, LATIN_LAYOUT, typesRecoveryKey, unlockKeymap } from './unlock-keymaps';

describe('unlock keymaps', () => {
  it('names only console keymaps that ship (kbd), the Latin fallback included', () => {
    const shipped = new Set(CONSOLE_KEYMAPS);
    expect(shipped.has(LATIN_KEYMAP)).toBe(true);
    expect(unlockKeymap(LATIN_LAYOUT)).toBe(LATIN_KEYMAP);
    for (const l of layouts.layouts) {
      const keymap = unlockKeymap(l);
      if (keymap !== null) expect(shipped, `${l.layout}(${l.variant}) → ${keymap}`).toContain(keymap);
    }
  });

  it('has no keymap for layouts the console cannot load', () => {
    expect(unlockKeymap({ layout: 'ara', variant: '' })).toBeNull();
    expect(unlockKeymap({ layout: 'th', variant: '' })).toBeNull();
    expect(unlockKeymap({ layout: 'us', variant: 'made-up' })).toBeNull();
    expect(unlockKeymap({ layout: 'gb', variant: '' })).toBe('uk');
    expect(unlockKeymap({ layout: 'fi', variant: '' })).toBe('fi');
  });

  it('keeps most of the offered layouts, and the languages’ own', () => {
    const offered = layouts.layouts.filter((l) => unlockKeymap(l) !== null);
    expect(offered.length).toBeGreaterThan(40);
    for (const layout of ['us', 'fi', 'de', 'fr', 'gb', 'ru']) expect(unlockKeymap({ layout, variant: '' })).not.toBeNull();
  });

  it('knows which layouts type the recovery key', () => {
    const chars = (layout: string) => new Set(layouts.layouts.find((l) => l.layout === layout && l.variant === '')!.chars);
    expect(typesRecoveryKey(chars('us'))).toBe(true);
    expect(typesRecoveryKey(chars('fr'))).toBe(true);
    expect(typesRecoveryKey(chars('ru'))).toBe(false);
    expect(typesRecoveryKey(chars('gr'))).toBe(false);
  });
});
