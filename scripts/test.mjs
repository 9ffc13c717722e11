// `npm test`: everything a clean clone needs checked, in one command. Installs what is missing,
// builds, then typecheck, lint, unit + integration tests (vitest) and the Playwright e2e suite
// in Debian's Chromium, and closes with one "N passed, N failed" line over all of them.
//   npm test -- --skip-e2e        everything but Playwright
//   npm test -- --only-e2e        Playwright only (after a build)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build, ensureNodePackages, ensureSystemPackages } from './lib/setup.mjs';
import { root } from './lib/paths.mjs';

const args = new Set(process.argv.slice(2));
const outDir = path.join(root, 'test-results');
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function phase(name, cmd, cmdArgs, env = {}) {
  console.log(`\n== ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`== ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
}

/** A check that is not a test runner (typecheck, lint) counts as one test. */
function check(name, cmd, cmdArgs) {
  if (phase(name, cmd, cmdArgs)) totals.passed++;
  else totals.failed++;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

ensureNodePackages();
ensureSystemPackages();
mkdirSync(outDir, { recursive: true });
const node = process.execPath;

if (!args.has('--only-e2e')) {
  try {
    build();
  } catch {
    failures.push('build');
    totals.failed++;
  }
  check('typecheck', node, ['scripts/typecheck.mjs']);
  check('lint', node, ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings', '0']);
  check('formatting (prettier)', node, ['node_modules/prettier/bin/prettier.cjs', '--check', '.']);

  const vitestJson = path.join(outDir, 'vitest.json');
  rmSync(vitestJson, { force: true });
  const ok = phase('unit and integration tests (vitest)', node, [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);
  const v = readJson(vitestJson);
  if (v) {
    totals.passed += v.numPassedTests;
    totals.failed += v.numFailedTests;
    totals.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
    if (!ok && v.numFailedTests === 0) totals.failed++; // a failure outside any test (setup, import)
  } else if (!ok) totals.failed++;
}

if (!args.has('--skip-e2e')) {
  const pwJson = path.join(outDir, 'playwright.json');
  rmSync(pwJson, { force: true });
  const ok = phase(
    'end-to-end scenarios (Playwright, Chromium)',
    node,
    ['scripts/e2e.mjs', ...(args.has('--only-e2e') ? [] : ['--no-build'])],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson },
  );
  const p = readJson(pwJson);
  if (p?.stats) {
    totals.passed += p.stats.expected + (p.stats.flaky ?? 0);
    totals.failed += p.stats.unexpected;
    totals.skipped += p.stats.skipped;
    if (!ok && p.stats.unexpected === 0) totals.failed++;
  } else if (!ok) totals.failed++;
}

console.log('');
if (failures.length) console.log(`failed phases: ${failures.join(', ')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length || totals.failed ? 1 : 0);
