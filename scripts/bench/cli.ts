// Entry of dist/bench/bench.mjs (built by scripts/bench.mjs): reads the command line, runs the
// sections asked for one after another (never side by side, so they do not disturb each other)
// against fresh processes on a private copy of dist/, prints the table, writes the JSON.
// Exit code 0 when it ran, whether or not every target is met; 2 for bad arguments; 1 when a
// section could not be measured.
//   npm run bench -- [--quick] [--only a,b] [--loads N] [--runs N] [--hellos N]
//                    [--typing-rounds N] [--installs N] [--out FILE]   (--help: USAGE)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { flag, helpText, integer, listOf, option, parseCommandLine, UsageError, type Values } from '../../shared-node/cli/options';
import { browserSections, englishText, measureBundle, type Say } from './browser';
import { HELPER_NODE_FLAGS, INSTALL_CASES, measureHelper, measureInstall, measureRoundTrip } from './helper';
import { takeSnapshot, type HelperSetup } from './processes';
import {
  judgeTargets,
  loadAverage,
  machine,
  renderTable,
  SECTIONS,
  type Counts,
  type Measured,
  type Results,
  type Section,
} from './report';

export interface BenchOptions {
  readonly sections: readonly Section[];
  readonly counts: Counts;
  readonly out: string;
  readonly quick: boolean;
}

/** `installs`: how many of the profile × unlock method cases (in INSTALL_CASES order) are run. */
export const FULL_COUNTS: Counts = {
  loads: 15,
  runs: 200,
  hellos: 300,
  openConnections: 32,
  typingRounds: 3,
  installs: INSTALL_CASES.length,
};
export const QUICK_COUNTS: Counts = { loads: 2, runs: 5, hellos: 20, openConnections: 32, typingRounds: 1, installs: 2 };

export { UsageError };

const count = (help: string) => option('N', help, integer(1));

const OPTIONS = {
  quick: flag('tiny counts: every section runs once or twice, for a check, not for figures'),
  only: option('LIST', `the sections to run, comma-separated: ${SECTIONS.join(', ')}`, listOf(SECTIONS)),
  loads: count(`cold loads of the wizard and of the blank page (default ${FULL_COUNTS.loads})`),
  runs: count(`plan round trips, each on a fresh helper (default ${FULL_COUNTS.runs})`),
  hellos: count(`hellos for the helper's CPU per hello (default ${FULL_COUNTS.hellos})`),
  'typing-rounds': count(`times the passphrase is typed into each field (default ${FULL_COUNTS.typingRounds})`),
  installs: count(`how many of the ${INSTALL_CASES.length} profile × unlock method installs (default all)`),
  out: option('FILE', 'where the results go (default bench-results/latest.json)'),
};

export const USAGE = helpText('usage: npm run bench -- [options]', OPTIONS);

const COUNT_FLAGS = { loads: 'loads', runs: 'runs', hellos: 'hellos', 'typing-rounds': 'typingRounds', installs: 'installs' } as const;

function optionsFrom(values: Values<typeof OPTIONS>, defaultOut: string): BenchOptions {
  const counts: Record<keyof Counts, number> = { ...(values.quick ? QUICK_COUNTS : FULL_COUNTS) };
  for (const [name, key] of Object.entries(COUNT_FLAGS)) counts[key] = values[name as keyof typeof COUNT_FLAGS] ?? counts[key];
  counts.installs = Math.min(counts.installs, INSTALL_CASES.length);
  return { sections: values.only ?? [...SECTIONS], counts, out: values.out ?? defaultOut, quick: values.quick };
}

/** The options of `argv`; throws UsageError naming a bad one. */
export function parseOptions(argv: readonly string[], defaultOut: string): BenchOptions {
  return optionsFrom(parseCommandLine(argv, OPTIONS).values, defaultOut);
}

export async function runBench(options: BenchOptions, root: string, say: Say): Promise<Results> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadAtStart = loadAverage();
  const work = mkdtempSync(path.join(os.tmpdir(), 'spectrum-bench-'));
  try {
    const { sections, counts } = options;
    const has = (...s: Section[]) => s.some((x) => sections.includes(x));
    const t = englishText(root);
    const inBrowser = has('startup', 'typing', 'memory');
    const snap = takeSnapshot(
      root,
      path.join(work, 'dist'),
      { heading: t('welcome', 'title'), button: t('common', 'nav.next') },
      {
        renderer: inBrowser || has('bundle'),
        helper: inBrowser || has('roundTrip', 'helper', 'install'),
        preview: inBrowser,
      },
    );
    const setup: HelperSetup = {
      helperScript: snap.helper,
      nodeFlags: HELPER_NODE_FLAGS,
      floorsScript: snap.floors,
      workDir: path.join(work, 'helpers'),
    };
    mkdirSync(setup.workDir, { recursive: true });
    let measured: Measured = {};
    let chromium: string | null = null;
    if (has('bundle')) {
      say('bundle: sizes of dist/renderer…');
      measured.bundle = await measureBundle(snap.rendererDir);
    }
    if (has('roundTrip')) {
      say(`plan round trip: ${counts.runs} runs, each on a fresh helper, each followed by its floor…`);
      measured.roundTrip = await measureRoundTrip(setup, counts.runs);
    }
    if (has('helper')) {
      say(`helper: idle, ${counts.openConnections} open connections, ${counts.hellos} hellos, its file…`);
      measured.helper = await measureHelper(setup, counts);
    }
    if (has('install')) {
      const cases = INSTALL_CASES.slice(0, counts.installs);
      say(`install: ${cases.map((c) => `${c.profile}/${c.method}`).join(', ')} with the real key derivation, each beside its floor…`);
      measured.install = await measureInstall(setup, cases);
    }
    if (inBrowser) {
      const b = await browserSections(sections, snap, setup, work, t, counts, say);
      measured = { ...measured, ...b.measured };
      chromium = b.chromium;
    }
    const results: Results = {
      version: 2,
      startedAt,
      durationS: Math.round((performance.now() - started) / 100) / 10,
      quick: options.quick,
      machine: machine(chromium, loadAtStart),
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

export async function main(argv: readonly string[], root: string): Promise<number> {
  let options;
  try {
    const { values, help } = parseCommandLine(argv, OPTIONS);
    if (help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const parsed = optionsFrom(values, path.join(root, 'bench-results/latest.json'));
    options = { ...parsed, out: path.resolve(parsed.out) };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`bench: ${e.message}\n`);
    return 2;
  }
  try {
    const results = await runBench(options, root, (line) => process.stderr.write(`bench: ${line}\n`));
    process.stdout.write(renderTable(results) + '\n');
    const missed = results.targets.filter((x) => x.met === false).map((x) => x.id);
    process.stdout.write(
      `\n${missed.length ? `targets missed: ${missed.join(', ')}` : 'every measured target met'}; results in ${path.relative(root, options.out) || options.out}\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
