import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, readmeWithList, scenariosOf } from './e2e-scenarios.mjs';

describe('the e2e scenario list', () => {
  it('in e2e/README.md is the one the spec files give (node scripts/e2e-scenarios.mjs)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readmeWithList(readme) === readme, 'e2e/README.md: run node scripts/e2e-scenarios.mjs').toBe(true);
  });

  it('reads titles, tags and describe blocks', () => {
    const found = scenariosOf(new URL('../e2e/focus.spec.ts', import.meta.url).pathname);
    expect(found).toContainEqual({
      file: 'focus.spec.ts',
      name: 'without security keys › "Use a passphrase instead" moves focus to the passphrase',
      tags: ['@a11y', '@encryption'],
    });
  });
});
