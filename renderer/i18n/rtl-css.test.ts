// Right-to-left layout comes from CSS logical properties (ADR 042): the stylesheets name no
// physical side, so the same rules lay out Arabic mirrored. Mirroring that CSS cannot express
// by itself (directional icons, markers) is written under [dir='rtl'].
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const styles = path.join(__dirname, '..', 'styles');
const PHYSICAL =
  /(?:^|[\s;{])((?:margin|padding|border|inset)-(?:left|right)[\w-]*|left|right|float|clear)\s*:|text-align\s*:\s*(?:left|right)|(?:^|[\s;{])border-(?:top|bottom)-(?:left|right)-radius\s*:/;

describe('stylesheets', () => {
  it.each(readdirSync(styles).filter((f) => f.endsWith('.css')))('%s uses logical properties only', (file) => {
    const lines = readFileSync(path.join(styles, file), 'utf8').split('\n');
    const physical = lines
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => PHYSICAL.test(l.replace(/\/\*.*?\*\//g, '')))
      .map(({ l, i }) => `${i + 1}: ${l.trim()}`);
    expect(physical).toEqual([]);
  });

  it('mirror directional icons in right-to-left pages', () => {
    expect(readFileSync(path.join(styles, 'base.css'), 'utf8')).toMatch(/\[dir='rtl'\] \.icon-directional \{\s*transform: scaleX\(-1\);/);
  });
});
