// One benchmark run: the sections asked for, one after another (never side by side, so they do
// not disturb each other), each against fresh processes on a private copy of dist/.
import type { Browser } from '@playwright/test';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchChromium } from './browser';
import { measureBundle } from './bundle';
import { startNode, type Child } from './children';
import { measureHelper } from './helper-footprint';
import type { BenchOptions, Counts, Section } from './options';
import type { Measured, Results } from './results';
import { measureRoundTrip, type RoundTripSetup } from './round-trip';
import { takeSnapshot, type Snapshot } from './snapshot';
import { measureStartup } from './startup';
import { judgeTargets } from './targets';
import { walkWizard } from './wizard-flow';
import { englishText, type WizardText } from './wizard-text';

export type Say = (line: string) => void;

interface Wizard {
  readonly url: string;
  readonly origin: string;
  stop(): Promise<void>;
}

/** A helper on a fresh sandbox and a preview server with a fresh state folder in front of it. */
async function startWizard(snap: Snapshot, dir: string): Promise<Wizard> {
  const helper = await startNode(snap.helper, ['--sandbox', path.join(dir, 'sandbox'), '--fast-kdf'], 'helper');
  let preview: Child;
  try {
    preview = await startNode(
      snap.previewServer,
      ['--socket', helper.ready.socket!, '--signing-key', helper.ready.signingKey!, '--state-dir', path.join(dir, 'state'), '--renderer-dir', snap.rendererDir, '--sandbox', '--simulated-fido2'],
      'preview server',
    );
  } catch (e) {
    await helper.stop();
    throw e;
  }
  const url = preview.ready.url!;
  return { url, origin: new URL(url).origin, stop: async () => void (await Promise.all([preview.stop(), helper.stop()])) };
}

async function browserSections(sections: readonly Section[], snap: Snapshot, work: string, t: WizardText, counts: Counts, say: Say): Promise<{ measured: Measured; chromium: string }> {
  const measured: Measured = {};
  const browser: Browser = await launchChromium();
  try {
    if (sections.includes('startup')) {
      say(`start-up: ${counts.loads} cold loads of the wizard and of the blank page…`);
      const w = await startWizard(snap, path.join(work, 'startup'));
      try {
        const arg = { heading: t('welcome', 'title'), button: t('common', 'nav.next') };
        measured.startup = await measureStartup(browser, { appUrl: w.url, blankUrl: `${w.origin}/${snap.blankPage}`, app: arg, blank: arg }, counts.loads);
      } finally {
        await w.stop();
      }
    }
    const heap = sections.includes('heap');
    const typing = sections.includes('typing');
    if (heap || typing) {
      say(`${[typing && 'typing', heap && 'renderer heap'].filter(Boolean).join(' and ')}: walking the wizard${heap ? ' to Done' : ''}…`);
      const w = await startWizard(snap, path.join(work, 'flow'));
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      try {
        const flow = await walkWizard(await context.newPage(), w.url, t, { heap, typing, typingRounds: counts.typingRounds });
        if (heap) measured.heap = flow.heap;
        if (flow.typing) measured.typing = flow.typing;
      } finally {
        await context.close();
        await w.stop();
      }
    }
    return { measured, chromium: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
  }
}

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
    const setup: RoundTripSetup = { helperScript: snap.helper, echoScript: path.join(root, 'scripts/bench/echo-server.mjs'), workDir: path.join(work, 'helpers') };
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
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
        memoryBytes: os.totalmem(),
        loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
        node: process.version,
        chromium,
      },
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
