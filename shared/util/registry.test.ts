import { describe, expect, it } from 'vitest';
import { Registry } from './registry';

describe('Registry', () => {
  it('removes only what the returned function added, and only once', () => {
    const registry = new Registry<string>();
    const removeA = registry.add('a');
    registry.add('b');
    removeA();
    removeA();
    expect(registry.current()).toEqual(['b']);
  });

  it('hands out a copy: an entry that removes another while they are walked does not hide it', () => {
    const registry = new Registry<() => void>();
    const called: string[] = [];
    let removeSecond = (): void => undefined;
    registry.add(() => {
      called.push('first');
      removeSecond();
    });
    removeSecond = registry.add(() => called.push('second'));
    for (const entry of registry.current()) entry();
    expect(called).toEqual(['first', 'second']);
    expect(registry.current()).toHaveLength(1);
  });
});
