// What a run reports: the shape of bench-results/latest.json (one schema, so the smoke test reads
// the file as any reader would), order statistics, the targets judged from each figure and its
// floor of the same run, and the table printed at the end.
import os from 'node:os';
import { z } from 'zod';

// ---------------------------------------------------------------- statistics

// Percentiles are nearest-rank (the smallest sample with at least p% of the samples at or below
// it): no interpolation, so every figure reported is a value that was actually measured.
export interface Summary {
  readonly n: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Rounds for the JSON file: timings to 0.01 ms by default, keeping it readable. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function summarize(samples: readonly number[], digits = 2): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  const r = (x: number) => round(x, digits);
  return {
    n: sorted.length,
    min: r(sorted[0] ?? Number.NaN),
    p50: r(percentile(sorted, 50)),
    p95: r(percentile(sorted, 95)),
    p99: r(percentile(sorted, 99)),
    max: r(sorted[sorted.length - 1] ?? Number.NaN),
    mean: r(sorted.length ? sum / sorted.length : Number.NaN),
  };
}

/** a / b, rounded; NaN when there is no floor to divide by. */
export const ratio = (a: number, b: number): number => (b > 0 ? round(a / b, 2) : Number.NaN);

// ---------------------------------------------------------------- results

const num = z.number();
export const SummarySchema = z.strictObject({ n: num, min: num, p50: num, p95: num, p99: num, max: num, mean: num });
const Size = z.strictObject({ raw: num, gzip: num });
const FileSize = z.strictObject({ file: z.string(), raw: num, gzip: num });

export const StartupSchema = z.strictObject({
  loads: num,
  warmups: num,
  app: SummarySchema,
  blank: SummarySchema,
  /** Median wizard load over median blank load. */
  ratio: num,
  appSamples: z.array(num),
  blankSamples: z.array(num),
});

export const BundleSchema = z.strictObject({
  initial: z.strictObject({ js: Size, css: Size, files: z.array(FileSize) }),
  lazy: z.array(z.strictObject({ name: z.string(), raw: num, gzip: num, files: z.array(FileSize) })),
  fonts: z.array(FileSize),
});

const KeystrokesSchema = z.strictObject({
  /** keydown → the page's "strength shown" mark (strength) or the input event (plain field). */
  toDom: SummarySchema,
  /** keydown → the first animation frame after that: when the person can see it. */
  toFrame: SummarySchema,
});

export const TypingSchema = z.strictObject({
  keystrokes: num,
  /** Times the passphrase was typed into each field (the field emptied in between). */
  rounds: num,
  cadenceMs: num,
  /** The first keystroke's feedback (the estimator may still be loading). */
  firstMs: num,
  strength: KeystrokesSchema,
  /** The floor: the same keystrokes into a plain text field of the same page. */
  plain: KeystrokesSchema,
  /** strength p95 to frame over plain p95 to frame. */
  ratioP95: num,
  longTasks: z.strictObject({ count: num, maxMs: num, totalMs: num }),
});

export const RoundTripSchema = z.strictObject({
  runs: num,
  bytes: z.strictObject({ hello: num, plan: num, accepted: num, journal: num }),
  /** hello received → accepted received: build, seal, sign, send, verify, admit, journal, answer. */
  roundTrip: SummarySchema,
  connectHello: SummarySchema,
  build: SummarySchema,
  exchange: SummarySchema,
  /** The necessary work, each part alone in a fresh process, and a bare echo of the same bytes. */
  floorParts: z.strictObject({
    verify: SummarySchema,
    open: SummarySchema,
    journal: SummarySchema,
    probe: SummarySchema,
    echo: SummarySchema,
  }),
  /** Per run, the sum of the parts measured after it. */
  floor: SummarySchema,
  floorConnectHello: SummarySchema,
  /** The helper's threads during send → accepted: time on a CPU, and time ready but waiting for one. */
  helperCpu: SummarySchema,
  helperWait: SummarySchema,
  /** round trip p99 over floor p99. */
  ratioP99: num,
});

export const HelperSchema = z.strictObject({
  /** The shipped file: one bundle, nothing from node_modules at run time. */
  bundle: z.strictObject({ file: z.string(), raw: num, gzip: num, imports: z.array(z.string()), runtime: z.string(), runtimeBytes: num }),
  nodeFlags: z.array(z.string()),
  idleRssBytes: num,
  openConnections: num,
  openRssBytes: num,
  /** The same readings of a bare Node server with its crypto in use (floors.ts idle). */
  floorIdleRssBytes: num,
  floorOpenRssBytes: num,
  hellos: num,
  cpuPerHelloMs: z.strictObject({ helper: num, children: num }),
  wallPerHelloMs: num,
  /** One X25519 key pair and one frame encode of the same hello, CPU ms. */
  floorPerHelloMs: num,
  ratioCpu: num,
});

const StepTimeSchema = z.strictObject({ step: z.string(), state: z.string(), ms: num, floorMs: num, floorWork: z.string() });
export const InstallSchema = z.strictObject({
  kdf: z.string(),
  runs: z.array(
    z.strictObject({
      profile: z.string(),
      method: z.string(),
      /** plan sent → result ok received. */
      totalMs: num,
      floorMs: num,
      ratio: num,
      steps: z.array(StepTimeSchema),
      /** The commands the helper ran in its life (its log), by program and first argument. */
      commands: z.array(z.strictObject({ command: z.string(), count: num, ms: num })),
    }),
  ),
});

export const MemorySchema = z.strictObject({
  pages: z.array(
    z.strictObject({
      page: z.string(),
      /** The page's main-thread V8 heap after a full collection. */
      heapUsedBytes: num,
      heapTotalBytes: num,
      /** Chromium's whole process tree. */
      treeProcesses: num,
      treeRssBytes: num,
      treePssBytes: num,
    }),
  ),
});

export const TargetSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  value: num.nullable(),
  limit: num,
  unit: z.string(),
  /** null: not measured in this run. */
  met: z.boolean().nullable(),
});

export const SECTIONS = ['bundle', 'startup', 'typing', 'roundTrip', 'helper', 'install', 'memory'] as const;
export type Section = (typeof SECTIONS)[number];

export const CountsSchema = z.strictObject({ loads: num, runs: num, hellos: num, openConnections: num, typingRounds: num, installs: num });
export type Counts = z.infer<typeof CountsSchema>;

export const ResultsSchema = z.strictObject({
  version: z.literal(2),
  startedAt: z.string(),
  durationS: num,
  quick: z.boolean(),
  machine: z.strictObject({
    cpus: num,
    cpuModel: z.string(),
    memoryBytes: num,
    /** At the start and at the end of the run. */
    loadAverage: z.strictObject({ start: z.array(num), end: z.array(num) }),
    node: z.string(),
    chromium: z.string().nullable(),
  }),
  counts: CountsSchema,
  startup: StartupSchema.optional(),
  bundle: BundleSchema.optional(),
  typing: TypingSchema.optional(),
  roundTrip: RoundTripSchema.optional(),
  helper: HelperSchema.optional(),
  install: InstallSchema.optional(),
  memory: MemorySchema.optional(),
  targets: z.array(TargetSchema),
});

export type StartupResult = z.infer<typeof StartupSchema>;
export type BundleResult = z.infer<typeof BundleSchema>;
export type TypingResult = z.infer<typeof TypingSchema>;
export type RoundTripResult = z.infer<typeof RoundTripSchema>;
export type HelperResult = z.infer<typeof HelperSchema>;
export type InstallResult = z.infer<typeof InstallSchema>;
export type MemoryResult = z.infer<typeof MemorySchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Results = z.infer<typeof ResultsSchema>;
export type Measured = Pick<Results, Section>;

export const loadAverage = (): number[] => os.loadavg().map((x) => round(x));

export function machine(chromium: string | null, loadAtStart: number[]): Results['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    loadAverage: { start: loadAtStart, end: loadAverage() },
    node: process.version,
    chromium,
  };
}

// ---------------------------------------------------------------- targets

interface Rule {
  readonly id: string;
  readonly label: string;
  readonly limit: number;
  readonly unit: string;
  readonly value: (m: Measured) => number | null | undefined;
}

const MB = 1_000_000;
/** Install → Done may take this much more than its unavoidable work. */
export const INSTALL_LIMIT = 1.2;

function rules(m: Measured): Rule[] {
  const installs: Rule[] = (m.install?.runs ?? []).map((r) => ({
    id: `install-ratio-${r.profile}-${r.method}`,
    label: `Install → Done (${r.profile}, ${r.method}) ≤ ${INSTALL_LIMIT}× its unavoidable work`,
    limit: INSTALL_LIMIT,
    unit: '×',
    value: () => r.ratio,
  }));
  return [
    { id: 'startup-ratio', label: 'start-up ≤ 1.5× the blank page (medians)', limit: 1.5, unit: '×', value: (x) => x.startup?.ratio },
    { id: 'initial-js-gzip', label: 'initial JS ≤ 150 kB gzip', limit: 150_000, unit: 'B', value: (x) => x.bundle?.initial.js.gzip },
    { id: 'strength-ratio', label: 'strength feedback p95 ≤ 2× a plain field', limit: 2, unit: '×', value: (x) => x.typing?.ratioP95 },
    {
      id: 'typing-long-tasks',
      label: 'no long task (> 50 ms) while typing',
      limit: 0,
      unit: 'tasks',
      value: (x) => x.typing?.longTasks.count,
    },
    {
      id: 'round-trip-ratio',
      label: 'plan round trip p99 ≤ 2× its necessary work',
      limit: 2,
      unit: '×',
      value: (x) => x.roundTrip?.ratioP99,
    },
    {
      id: 'hello-cpu-ratio',
      label: 'helper CPU per hello ≤ 2× a key pair and a frame',
      limit: 2,
      unit: '×',
      value: (x) => x.helper?.ratioCpu,
    },
    { id: 'helper-idle-rss', label: 'helper idle RSS ≤ 45 MB', limit: 45 * MB, unit: 'B', value: (x) => x.helper?.idleRssBytes },
    {
      id: 'helper-open-rss',
      label: 'helper RSS with 32 connections ≤ 60 MB',
      limit: 60 * MB,
      unit: 'B',
      value: (x) => (x.helper && x.helper.openConnections >= 32 ? x.helper.openRssBytes : null),
    },
    {
      id: 'helper-bundle-imports',
      label: 'the helper needs nothing from node_modules',
      limit: 0,
      unit: 'modules',
      value: (x) => x.helper?.bundle.imports.length,
    },
    ...installs,
  ];
}

export function judgeTargets(m: Measured): Target[] {
  return rules(m).map((r) => {
    const v = r.value(m);
    const value = v === undefined || v === null || Number.isNaN(v) ? null : v;
    return { id: r.id, label: r.label, value, limit: r.limit, unit: r.unit, met: value === null ? null : value <= r.limit };
  });
}

// ---------------------------------------------------------------- the table

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
const mB = (b: number) => `${(b / MB).toFixed(1)} MB`;
const times = (x: number) => (Number.isNaN(x) ? '—' : `${x.toFixed(2)}×`);

type Row = readonly [figure: string, value: string, floor: string, ratio: string, target: string, met: string];

function met(targets: readonly Target[], ...ids: string[]): string {
  const found = ids.map((id) => targets.find((t) => t.id === id)).filter((t): t is Target => t !== undefined);
  return found.map((t) => (t.met === null ? '—' : t.met ? 'met' : 'MISSED')).join(' / ');
}

function rows(r: Results): Row[] {
  const out: Row[] = [];
  const T = r.targets;
  if (r.startup) {
    const s = r.startup;
    out.push([
      `start-up to interactive, median of ${s.loads}`,
      ms(s.app.p50),
      `blank page ${ms(s.blank.p50)}`,
      times(s.ratio),
      '≤ 1.5×',
      met(T, 'startup-ratio'),
    ]);
    out.push(['  start-up p95', ms(s.app.p95), `blank page ${ms(s.blank.p95)}`, '', '', '']);
  }
  if (r.bundle) {
    const b = r.bundle;
    out.push([
      'initial JS, gzip (raw)',
      `${kB(b.initial.js.gzip)} (${kB(b.initial.js.raw)})`,
      '',
      '',
      '≤ 150 kB',
      met(T, 'initial-js-gzip'),
    ]);
    out.push(['initial CSS, gzip (raw)', `${kB(b.initial.css.gzip)} (${kB(b.initial.css.raw)})`, '', '', '', '']);
    for (const l of b.lazy) out.push([`  lazy: ${l.name}`, `${kB(l.gzip)} (${kB(l.raw)})`, '', '', '', '']);
  }
  if (r.typing) {
    const y = r.typing;
    out.push([
      `strength feedback p95 to frame, ${y.keystrokes} keys`,
      ms(y.strength.toFrame.p95),
      `plain field ${ms(y.plain.toFrame.p95)}`,
      times(y.ratioP95),
      '≤ 2×',
      met(T, 'strength-ratio'),
    ]);
    out.push(['  p50 to frame', ms(y.strength.toFrame.p50), `plain field ${ms(y.plain.toFrame.p50)}`, '', '', '']);
    out.push([
      '  p50 / p95 to the DOM',
      `${ms(y.strength.toDom.p50)} / ${ms(y.strength.toDom.p95)}`,
      `${ms(y.plain.toDom.p50)} / ${ms(y.plain.toDom.p95)}`,
      '',
      '',
      '',
    ]);
    out.push([
      '  long tasks while typing (longest)',
      `${y.longTasks.count} (${y.longTasks.count ? ms(y.longTasks.maxMs) : 'none'})`,
      '',
      '',
      'none',
      met(T, 'typing-long-tasks'),
    ]);
  }
  if (r.roundTrip) {
    const p = r.roundTrip;
    const f = p.floorParts;
    out.push([
      `plan round trip p99 (p50), ${p.runs} runs`,
      `${ms(p.roundTrip.p99)} (${ms(p.roundTrip.p50)})`,
      `necessary work ${ms(p.floor.p99)} (${ms(p.floor.p50)})`,
      times(p.ratioP99),
      '≤ 2×',
      met(T, 'round-trip-ratio'),
    ]);
    out.push([
      '  floor parts p50: verify / open / journal / probe / echo',
      '',
      `${ms(f.verify.p50)} / ${ms(f.open.p50)} / ${ms(f.journal.p50)} / ${ms(f.probe.p50)} / ${ms(f.echo.p50)}`,
      '',
      '',
      '',
    ]);
    out.push(['  build+seal+sign p50 / p99', `${ms(p.build.p50)} / ${ms(p.build.p99)}`, '', '', '', '']);
    out.push(['  send → accepted p50 / p99', `${ms(p.exchange.p50)} / ${ms(p.exchange.p99)}`, '', '', '', '']);
    out.push(['  helper on a CPU / waiting for one, p50', `${ms(p.helperCpu.p50)} / ${ms(p.helperWait.p50)}`, '', '', '', '']);
    out.push(['  connect → hello p50 (not in the round trip)', ms(p.connectHello.p50), `echo ${ms(p.floorConnectHello.p50)}`, '', '', '']);
  }
  if (r.helper) {
    const h = r.helper;
    const b = h.bundle;
    out.push([
      `helper CPU per hello (+ children), ${h.hellos} hellos`,
      `${ms(h.cpuPerHelloMs.helper)} (+ ${ms(h.cpuPerHelloMs.children)})`,
      `key pair + frame ${ms(h.floorPerHelloMs)}`,
      times(h.ratioCpu),
      '≤ 2×',
      met(T, 'hello-cpu-ratio'),
    ]);
    out.push([
      'helper RSS idle',
      mB(h.idleRssBytes),
      `bare Node server ${mB(h.floorIdleRssBytes)}`,
      times(ratio(h.idleRssBytes, h.floorIdleRssBytes)),
      '≤ 45 MB',
      met(T, 'helper-idle-rss'),
    ]);
    out.push([
      `helper RSS, ${h.openConnections} connections open`,
      mB(h.openRssBytes),
      `bare Node server ${mB(h.floorOpenRssBytes)}`,
      times(ratio(h.openRssBytes, h.floorOpenRssBytes)),
      '≤ 60 MB',
      met(T, 'helper-open-rss'),
    ]);
    out.push(['helper file, gzip (raw)', `${kB(b.gzip)} (${kB(b.raw)})`, '', '', '', '']);
    out.push([
      '  its runtime; modules from node_modules',
      `${b.runtime} (${mB(b.runtimeBytes)}); ${b.imports.length ? b.imports.join(', ') : 'none'}`,
      '',
      '',
      'none',
      met(T, 'helper-bundle-imports'),
    ]);
    if (h.nodeFlags.length) out.push(['  started with', h.nodeFlags.join(' '), '', '', '', '']);
  }
  if (r.install) {
    out.push(['Install → Done: KDF of the keyslots', r.install.kdf, '', '', '', '']);
    for (const run of r.install.runs) {
      out.push([
        `Install → Done, ${run.profile}, ${run.method}`,
        ms(run.totalMs),
        `unavoidable ${ms(run.floorMs)}`,
        times(run.ratio),
        `≤ ${INSTALL_LIMIT}×`,
        met(T, `install-ratio-${run.profile}-${run.method}`),
      ]);
      for (const s of run.steps)
        out.push([`  ${s.step} (${s.state})`, ms(s.ms), s.floorWork ? `${s.floorWork} ${ms(s.floorMs)}` : '', '', '', '']);
      for (const c of run.commands) out.push([`    ran ${c.command} ×${c.count}`, ms(c.ms), '', '', '', '']);
    }
  }
  if (r.memory) {
    for (const p of r.memory.pages) {
      out.push([
        `browser on ${p.page}: tree RSS (PSS), JS heap`,
        `${mB(p.treeRssBytes)} (${mB(p.treePssBytes)}), ${mB(p.heapUsedBytes)}`,
        `${p.treeProcesses} processes`,
        '',
        '',
        '',
      ]);
    }
  }
  return out;
}

export function renderTable(r: Results): string {
  const header: Row = ['figure', 'measured', 'floor (same run)', 'ratio', 'target', 'met'];
  const all = [header, ...rows(r)];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: Row) =>
    row
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const m = r.machine;
  const load = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');
  const title = `Spectrum first boot bench, ${r.startedAt}: ${m.cpus} CPUs (${m.cpuModel}), ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB, load ${load(m.loadAverage.start)} at start, ${load(m.loadAverage.end)} at end, Node ${m.node}, ${m.chromium ?? 'no browser'}${r.quick ? ' [quick]' : ''}`;
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
