// One benchmark run: the sections asked for, one after another (never side by side, so they do
// not disturb each other), each against fresh processes on a private copy of dist/.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { browserSections, type Say } from './browser-sections';
import { measureBundle } from './bundle';
import { measureHelper } from './helper-footprint';
import { machine } from './machine';
import type { BenchOptions } from './options';
import type { Measured, Results } from './results';
import type { HelperSetup } from './fresh-helper';
import { measureRoundTrip } from './round-trip';
import { takeSnapshot } from './snapshot';
import { judgeTargets } from './targets';
import { englishText } from './wizard-text';

export type { Say } from './browser-sections';

export async function runBench(options: BenchOptions, root: string, say: Say): Promise<Results> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const work = mkdtempSync(path.join(os.tmpdir(), 'spectrum-bench-'));
  try {
    const { sections, counts } = options;
    const t = englishText(root);
    const inBrowser = sections.some((s) => s === 'startup' || s === 'typing' || s === 'heap');
    const snap = takeSnapshot(root, path.join(work, 'dist'), { heading: t('welcome', 'title'), button: t('common', 'nav.next') }, {
      renderer: inBrowser || sections.includes('bundle'),
      helper: inBrowser || sections.includes('roundTrip') || sections.includes('helper'),
      preview: inBrowser,
    });
    const setup: HelperSetup = { helperScript: snap.helper, echoScript: path.join(root, 'scripts/bench/echo-server.mjs'), workDir: path.join(work, 'helpers') };
    mkdirSync(setup.workDir, { recursive: true });
    let measured: Measured = {};
    let chromium: string | null = null;
    if (sections.includes('bundle')) {
      say('bundle: sizes of dist/renderer…');
      measured.bundle = await measureBundle(snap.rendererDir);
    }
    if (sections.includes('roundTrip')) {
      say(`plan round trip: ${counts.runs} runs, each on a fresh helper, and as many echo exchanges…`);
      measured.roundTrip = await measureRoundTrip(setup, counts.runs);
    }
    if (sections.includes('helper')) {
      say(`helper footprint: idle, ${counts.openConnections} open connections, ${counts.hellos} hellos…`);
      measured.helper = await measureHelper(setup, counts);
    }
    if (inBrowser) {
      const b = await browserSections(sections, snap, work, t, counts, say);
      measured = { ...measured, ...b.measured };
      chromium = b.chromium;
    }
    const results: Results = {
      version: 1,
      startedAt,
      durationS: Math.round((performance.now() - started) / 100) / 10,
      quick: options.quick,
      machine: machine(chromium),
      counts: { ...counts },
      ...measured,
      targets: judgeTargets(measured),
    };
    mkdirSync(path.dirname(options.out), { recursive: true });
    writeFileSync(options.out, JSON.stringify(results, null, 2) + '\n');
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
