// The benchmark's smoke test: the pure parts, and a tiny run of the sections that need no
// browser (bundle, plan round trip, helper) whose JSON must have the documented shape. Timings
// are not judged here: `npm run bench` is where figures are made.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFloors } from '../lib/bench-build.mjs';
import { lazyName, localeChunks } from './browser';
import { parseOptions, QUICK_COUNTS, runBench, UsageError } from './cli';
import { foreignImports } from './helper';
import { judgeTargets, percentile, renderTable, ResultsSchema, summarize } from './report';

const root = path.resolve(__dirname, '../..');

describe('bench: pure parts', () => {
  it('takes nearest-rank percentiles of measured values', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(summarize([3, 1, 2])).toMatchObject({ n: 3, min: 1, p50: 2, max: 3, mean: 2 });
  });

  it('judges targets against their limits, and says "not measured" for a section that did not run', () => {
    const summary = summarize([1]);
    const targets = judgeTargets({
      typing: {
        keystrokes: 1,
        rounds: 1,
        cadenceMs: 1,
        firstMs: 1,
        strength: { toDom: summary, toFrame: summary },
        plain: { toDom: summary, toFrame: summary },
        ratioP95: 2.5,
        longTasks: { count: 0, maxMs: 0, totalMs: 0 },
      },
    });
    expect(targets.find((t) => t.id === 'strength-ratio')).toMatchObject({ met: false, value: 2.5, limit: 2 });
    expect(targets.find((t) => t.id === 'typing-long-tasks')).toMatchObject({ met: true });
    expect(targets.find((t) => t.id === 'startup-ratio')).toMatchObject({ met: null, value: null });
  });

  it('parses its command line with util.parseArgs', () => {
    const o = parseOptions(['--quick', '--only', 'bundle,roundTrip', '--runs', '7'], '/tmp/x.json');
    expect(o.sections).toEqual(['bundle', 'roundTrip']);
    expect(o.counts).toEqual({ ...QUICK_COUNTS, runs: 7 });
    expect(parseOptions(['--only=install', '--installs', '99'], '/tmp/x.json').counts.installs).toBe(6);
    expect(() => parseOptions(['--only', 'nope'], '/tmp/x.json')).toThrow(UsageError);
    expect(() => parseOptions(['--runs', '0'], '/tmp/x.json')).toThrow(UsageError);
    expect(() => parseOptions(['--bogus'], '/tmp/x.json')).toThrow(UsageError);
  });

  it('names lazy chunks by what their source maps hold', () => {
    expect(lazyName(['../../node_modules/@zxcvbn-ts/core/dist/index.js'], 'zxcvbn-1.js')).toBe('strength estimator (in-page fallback)');
    expect(lazyName(['../../renderer/strength/strength.worker.ts'], 'w.js')).toBe('strength estimator (worker)');
    expect(lazyName(['../../node_modules/@zxcvbn-ts/language-pt-br/dist/index.esm.js'], 'index.esm-1.js')).toBe(
      'strength dictionary pt-br (loaded with its language)',
    );
    expect(lazyName(['../../node_modules/qrcode/lib/browser.js'], 'browser-1.js')).toBe('QR code');
    expect(lazyName(['../../../assets/locales/fi/welcome.json'], 'welcome-1.js')).toBe('locale fi');
    const code =
      'var t={"../../assets/locales/fi/welcome.json":()=>P(()=>import(`./welcome-B1.js`).then(e=>e.default),[],import.meta.url)}';
    expect(localeChunks(code)).toEqual(new Map([['assets/welcome-B1.js', 'locale fi']]));
  });

  it("finds what a bundle would need from node_modules, but not Node's own modules", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-imports-'));
    try {
      writeFileSync(path.join(dir, 'x.mjs'), 'export const x = 1;');
      writeFileSync(
        path.join(dir, 'a.mjs'),
        'import{a}from"node:fs";import b from"zod";const c=require("crypto");require("@hpke/core");import("./x.mjs");export{a,b,c}',
      );
      expect(await foreignImports(path.join(dir, 'a.mjs'))).toEqual(['@hpke/core', 'zod']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bench: smoke run without a browser', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
    await buildFloors(root);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const withRenderer = existsSync(path.join(root, 'dist/renderer/index.html'));

  it('writes results of the documented shape and prints a table', async () => {
    const out = path.join(dir, 'latest.json');
    const sections = withRenderer ? (['bundle', 'roundTrip', 'helper'] as const) : (['roundTrip', 'helper'] as const);
    const results = await runBench(
      { sections, counts: { ...QUICK_COUNTS, runs: 2, hellos: 5, openConnections: 4 }, out, quick: true },
      root,
      () => {},
    );
    const written = ResultsSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(written).toEqual(results);
    expect(written.roundTrip?.runs).toBe(2);
    expect(written.roundTrip?.bytes.plan).toBeGreaterThan(0);
    expect(written.roundTrip?.floorParts.verify.n).toBe(2);
    expect(written.helper?.openConnections).toBe(4);
    expect(written.helper?.floorPerHelloMs).toBeGreaterThan(0);
    expect(written.helper?.bundle.imports).toEqual([]);
    if (withRenderer) expect(written.bundle?.initial.files.length).toBeGreaterThan(0);
    expect(written.targets.map((t) => t.id)).toContain('round-trip-ratio');
    expect(written.targets.find((t) => t.id === 'strength-ratio')?.met).toBeNull();
    expect(renderTable(written)).toMatch(/plan round trip/);
  }, 120_000);
});
