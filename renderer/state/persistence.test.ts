import { describe, expect, it } from 'vitest';
import { defaultChoices } from './defaults';
import { createDebouncedSaver, fromPersisted, PERSIST_VERSION } from './persistence';
import { manualTimers } from '../test-support/fake-deps';

const defaults = defaultChoices({ locale: 'en', prefersHighContrast: false, prefersReducedMotion: false });

describe('persisted state', () => {
  it('reads back what was written and falls back field by field on anything odd', () => {
    const read = fromPersisted(
      {
        version: PERSIST_VERSION,
        data: {
          page: 'apps',
          furthest: 'nonsense',
          choices: {
            locale: 'fi',
            keyboard: { layout: 'nope', variant: '' },
            accessibility: { largeText: true, highContrast: 'yes' },
            profile: 'power',
            apps: ['browser', 3],
            encryption: { method: 'fido2', withRecovery: false },
          },
          installId: 'AAAAAAAAAAAAAAAAAAAAAA',
          planId: 'not-a-plan',
          passphrase: 'must be ignored',
        },
      },
      defaults,
    );
    expect(read).toMatchObject({ page: 'apps', furthest: 'apps', installId: 'AAAAAAAAAAAAAAAAAAAAAA', planId: null });
    expect(read!.choices.locale).toBe('fi');
    expect(read!.choices.keyboard).toEqual(defaults.keyboard);
    expect(read!.choices.accessibility).toEqual({ ...defaults.accessibility, largeText: true });
    expect(read!.choices.profile).toBe('power');
    expect(read!.choices.apps).toEqual(defaults.apps);
    expect(read!.choices.encryption).toEqual({ method: 'fido2', recoveryKey: false });
    expect(JSON.stringify(read)).not.toContain('must be ignored');
  });

  it('ignores another version or nothing', () => {
    expect(fromPersisted(null, defaults)).toBeNull();
    expect(fromPersisted({ version: 2 as 1, data: {} }, defaults)).toBeNull();
  });

  it('the saver debounces and skips unchanged states', () => {
    const timers = manualTimers();
    const saved: unknown[] = [];
    const saver = createDebouncedSaver((s) => saved.push(s), 100, timers);
    const state = (n: number) => ({ version: 1 as const, data: { n } });
    saver.prime(state(0));
    saver.schedule(state(0));
    timers.advance(100);
    expect(saved).toEqual([]);
    saver.schedule(state(1));
    timers.advance(50);
    saver.schedule(state(2));
    timers.advance(99);
    expect(saved).toEqual([]);
    timers.advance(1);
    expect(saved).toEqual([state(2)]);
  });
});
