// Two audits of the Electron sources (tests left out): electronegativity, run by
// scripts/electronegativity.mjs, must report nothing above informational that is not justified
// next to the code; and a plain scan for the patterns the security checklist forbids, which
// needs no tool at all.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const here = path.resolve(__dirname);
const root = path.resolve(here, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'test-support' ? [] : sources(file);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [file] : [];
  });
}

const FORBIDDEN: [string, RegExp][] = [
  ['shell.openExternal', /openExternal/],
  ['nodeIntegration: true', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
  ['contextIsolation: false', /contextIsolation\s*:\s*false/],
  ['sandbox: false', /\bsandbox\s*:\s*false/],
  ['webSecurity: false', /webSecurity\s*:\s*false/],
  ['allowRunningInsecureContent: true', /allowRunningInsecureContent\s*:\s*true/],
  ['webviewTag: true', /webviewTag\s*:\s*true/],
  ['experimentalFeatures: true', /experimentalFeatures\s*:\s*true/],
  ['enableBlinkFeatures', /enableBlinkFeatures/],
  ['loading from file://', /loadFile\(|loadURL\(\s*['"`]file:/],
  ['registerFileProtocol', /registerFileProtocol/],
  ['a scheme that bypasses CSP or CORS', /(bypassCSP|corsEnabled)\s*:\s*true/],
  ["an 'unsafe-' CSP source", /'unsafe-/],
  ['raw ipcRenderer exposed', /exposeInMainWorld\([^)]*ipcRenderer/],
];

describe('security audit of electron/', () => {
  const files = sources(here);

  it('finds the sources', () => {
    expect(files.some((f) => f.endsWith(path.join('main', 'main.ts')))).toBe(true);
    expect(files.some((f) => f.endsWith('preload.ts'))).toBe(true);
  });

  it.each(FORBIDDEN)('never uses %s', (_what, pattern) => {
    const hits = files.filter((f) => pattern.test(readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '')));
    expect(hits.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('electronegativity reports nothing unjustified', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'electronegativity.mjs')], { encoding: 'utf8', timeout: 240_000 });
    expect(run.stdout).toMatch(/0 unjustified/);
    expect(run.status).toBe(0);
  }, 250_000);
});
