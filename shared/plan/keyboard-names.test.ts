// The plan's keyboard is XKB names only: nothing that a config file, a shell or `loadkeys` could
// read as syntax or as an option. Every layout the wizard offers still passes.
import { describe, expect, it } from 'vitest';
import layouts from '../../assets/keyboard-layouts.json';
import { KeyboardSchema } from './plan-schema';

describe('keyboard names in the plan', () => {
  it('accepts every layout and variant the wizard offers', () => {
    for (const { layout, variant } of layouts.layouts) {
      expect(KeyboardSchema.safeParse({ layout, variant }).success, `${layout}(${variant})`).toBe(true);
    }
  });

  it.each([
    [{ layout: '-q(x)+y', variant: '-z' }, ['layout', 'variant']],
    [{ layout: 'fi', variant: '-z' }, ['variant']],
    [{ layout: '-fi', variant: '' }, ['layout']],
    [{ layout: 'us(dvorak)', variant: '' }, ['layout']],
    [{ layout: 'us+fi', variant: '' }, ['layout']],
    [{ layout: 'fi', variant: 'a b' }, ['variant']],
    [{ layout: "fi'", variant: '' }, ['layout']],
    [{ layout: 'fi', variant: '$(reboot)' }, ['variant']],
    [{ layout: 'fi\nEVIL=1', variant: '' }, ['layout']],
    [{ layout: '', variant: '' }, ['layout']],
  ])('refuses %j at %j', (keyboard, fields) => {
    const parsed = KeyboardSchema.safeParse(keyboard);
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].sort();
    expect(paths).toEqual(fields);
  });
});
