// Code that only tests use lives in folders with one name, `test-support/`, in every layer: a
// reader finds a layer's fakes and set-ups in the same place, and tools (lint, the security
// audit) leave them out by that one name.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Names other projects use for the same thing; none of them may appear here. */
const OTHER_NAMES = ['testing', 'support', 'fixtures', 'test-utils', 'test-helpers', 'testutils', '__fixtures__', '__mocks__'];

function folders(): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const out = new Set<string>();
  for (const f of files.filter((p) => !p.startsWith('node_modules/'))) {
    const parts = f.split('/').slice(0, -1);
    parts.forEach((_, i) => out.add(parts.slice(0, i + 1).join('/')));
  }
  return [...out];
}

describe('test-helper folders', () => {
  it('have one name, test-support/, in every layer', () => {
    const all = folders();
    expect(all.filter((d) => OTHER_NAMES.includes(d.split('/').at(-1) ?? ''))).toEqual([]);
    expect(all.filter((d) => d.endsWith('/test-support')).length).toBeGreaterThanOrEqual(5);
  });
});
