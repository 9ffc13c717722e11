// assets/keyboard-layouts.json and the English layout names are generated from XKB data: they
// must be what the generator makes today, and the generator's check must notice when they are not.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../shared-node/test-support/temp-dir';

const GENERATOR = 'scripts/generate/keyboard-layouts.py';

function check(...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync('python3', [GENERATOR, '--check', ...args], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('keyboard-layouts-');
});
afterEach(() => temp.remove());

/** A copy of the generated files in a folder laid out like assets/. */
function copyOfAssets(): string {
  const assets = path.join(temp.dir, 'assets');
  mkdirSync(path.join(assets, 'locales', 'en'), { recursive: true });
  cpSync('assets/keyboard-layouts.json', path.join(assets, 'keyboard-layouts.json'));
  cpSync('assets/locales/en/keyboard.json', path.join(assets, 'locales', 'en', 'keyboard.json'));
  return assets;
}

describe('the keyboard layouts generator', () => {
  it('finds the committed files current', () => {
    const r = check();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('names a file that differs from what it would write', () => {
    const assets = copyOfAssets();
    expect(check('--assets', assets).status).toBe(0);
    const file = path.join(assets, 'keyboard-layouts.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { layouts: { chars: string }[] };
    data.layouts[0]!.chars += '€';
    writeFileSync(file, JSON.stringify(data, null, 1) + '\n');
    const r = check('--assets', assets);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('keyboard-layouts.json is not current');
    expect(r.stderr).not.toContain('keyboard.json is not current');
  });
});
