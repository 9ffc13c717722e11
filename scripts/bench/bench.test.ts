// The benchmark's smoke test: the pure parts, and a tiny run of the sections that need no
// browser (bundle, plan round trip, helper footprint) whose JSON must have the documented
// shape. Timings are not judged here: `npm run bench` is where figures are made.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyName, localeChunks } from './bundle';
import { parseOptions, QUICK_COUNTS, UsageError } from './options';
import { ResultsSchema } from './results';
import { runBench } from './run-bench';
import { percentile, summarize } from './stats';
import { renderTable } from './table';
import { judgeTargets } from './targets';

const root = path.resolve(__dirname, '../..');

describe('bench: pure parts', () => {
  it('takes nearest-rank percentiles of measured values', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(summarize([3, 1, 2])).toMatchObject({ n: 3, min: 1, p50: 2, max: 3, mean: 2 });
  });

  it('judges targets, and says "not measured" for a section that did not run', () => {
    const targets = judgeTargets({ helper: { idleRssBytes: 70_000_000, openConnections: 32, openRssBytes: 1, hellos: 1, cpuPerHelloMs: { helper: 1, children: 1 }, wallPerHelloMs: 1 } });
    expect(targets.find((t) => t.id === 'helper-idle-rss')).toMatchObject({ met: false, value: 70_000_000 });
    expect(targets.find((t) => t.id === 'startup-ratio')).toMatchObject({ met: null, value: null });
  });

  it('parses its command line', () => {
    const o = parseOptions(['--quick', '--only', 'bundle,roundTrip', '--runs', '7'], '/tmp/x.json');
    expect(o.sections).toEqual(['bundle', 'roundTrip']);
    expect(o.counts).toEqual({ ...QUICK_COUNTS, runs: 7 });
    expect(() => parseOptions(['--only', 'nope'], '/tmp/x.json')).toThrow(UsageError);
    expect(() => parseOptions(['--runs', '0'], '/tmp/x.json')).toThrow(UsageError);
  });

  it('names lazy chunks by what their source maps hold', () => {
    expect(lazyName(['../../node_modules/@zxcvbn-ts/core/dist/index.js'], 'zxcvbn-1.js')).toBe('strength estimator (in-page fallback)');
    expect(lazyName(['../../renderer/strength/strength.worker.ts'], 'w.js')).toBe('strength estimator (worker)');
    expect(lazyName(['../../node_modules/@zxcvbn-ts/language-pt-br/dist/index.esm.js'], 'index.esm-1.js')).toBe('strength dictionary pt-br (loaded with its language)');
    expect(lazyName(['../../node_modules/qrcode/lib/browser.js'], 'browser-1.js')).toBe('QR code');
    expect(lazyName(['../../../assets/locales/fi/welcome.json'], 'welcome-1.js')).toBe('locale fi');
    const code = 'var t={"../../assets/locales/fi/welcome.json":()=>P(()=>import(`./welcome-B1.js`).then(e=>e.default),[],import.meta.url)}';
    expect(localeChunks(code)).toEqual(new Map([['assets/welcome-B1.js', 'locale fi']]));
  });
});

describe('bench: smoke run without a browser', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const withRenderer = existsSync(path.join(root, 'dist/renderer/index.html'));

  it('writes results of the documented shape and prints a table', async () => {
    const out = path.join(dir, 'latest.json');
    const sections = withRenderer ? (['bundle', 'roundTrip', 'helper'] as const) : (['roundTrip', 'helper'] as const);
    const results = await runBench({ sections, counts: { ...QUICK_COUNTS, runs: 2, hellos: 5, openConnections: 4 }, out, quick: true }, root, () => {});
    const written = ResultsSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(written).toEqual(results);
    expect(written.roundTrip?.runs).toBe(2);
    expect(written.roundTrip?.bytes.plan).toBeGreaterThan(0);
    expect(written.helper?.openConnections).toBe(4);
    if (withRenderer) expect(written.bundle?.initial.files.length).toBeGreaterThan(0);
    expect(written.targets.map((t) => t.id)).toContain('round-trip-p99');
    expect(written.targets.find((t) => t.id === 'strength-p95')?.met).toBeNull();
    expect(renderTable(written)).toMatch(/plan round trip/);
  }, 60_000);
});
