// The plain `node scripts/*.mjs` entry points run TypeScript tools through one esbuild bundle
// each (scripts/lib/typescript.mjs): run from any folder, a bundled tool finds the project where
// scripts/lib/paths.mjs says, since that module is imported from the project, not copied.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

describe('TypeScript run from a plain node entry point', () => {
  it('is bundled into dist/scripts/ and sees the project root and built programs of scripts/lib/paths.mjs', () => {
    const program = `
      const { importTypeScript } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts/lib/typescript.mjs')).href)});
      const { root, HELPER_ENTRY } = await importTypeScript('scripts/lib/processes.ts');
      console.log(JSON.stringify({ root, HELPER_ENTRY }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', program], { cwd: tmpdir(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ root: ROOT, HELPER_ENTRY: path.join(ROOT, 'dist/host/helper.mjs') });
    const bundle = readFileSync(path.join(ROOT, 'dist/scripts/processes.mjs'), 'utf8');
    expect(bundle, 'paths.mjs is imported from the project, not copied').toContain(
      pathToFileURL(path.join(ROOT, 'scripts/lib/paths.mjs')).href,
    );
  });
});
