// The shape of bench-results/latest.json: one schema, so the smoke test checks the file the
// way any reader of it would, and the sections are typed from it.
import { z } from 'zod';

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

export const TypingSchema = z.strictObject({
  keystrokes: num,
  /** Times the passphrase was typed (the field emptied in between). */
  rounds: num,
  cadenceMs: num,
  /** The first keystroke's feedback (the estimator may still be loading). */
  firstMs: num,
  latency: SummarySchema,
  samples: z.array(num),
  longTasks: z.strictObject({ count: num, maxMs: num, totalMs: num }),
});

export const RoundTripSchema = z.strictObject({
  runs: num,
  bytes: z.strictObject({ hello: num, plan: num, accepted: num }),
  /** hello received → accepted received: build, seal, sign, send, verify, admit, answer. */
  roundTrip: SummarySchema,
  connectHello: SummarySchema,
  build: SummarySchema,
  exchange: SummarySchema,
  /** The plan's bytes sent and the accepted's bytes echoed back by a bare Node server. */
  floor: SummarySchema,
  floorConnectHello: SummarySchema,
  /** The helper's threads during send → accepted: time on a CPU, and time ready but waiting for one. */
  helperCpu: SummarySchema,
  helperWait: SummarySchema,
  ratioP99: num,
});

export const HelperSchema = z.strictObject({
  idleRssBytes: num,
  openConnections: num,
  openRssBytes: num,
  hellos: num,
  cpuPerHelloMs: z.strictObject({ helper: num, children: num }),
  wallPerHelloMs: num,
});

export const HeapSchema = z.strictObject({
  pages: z.array(z.strictObject({ page: z.string(), usedBytes: num, totalBytes: num })),
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

export const ResultsSchema = z.strictObject({
  version: z.literal(1),
  startedAt: z.string(),
  durationS: num,
  quick: z.boolean(),
  machine: z.strictObject({
    cpus: num,
    cpuModel: z.string(),
    memoryBytes: num,
    loadAverage: z.array(num),
    node: z.string(),
    chromium: z.string().nullable(),
  }),
  counts: z.strictObject({ loads: num, runs: num, hellos: num, openConnections: num, typingRounds: num }),
  startup: StartupSchema.optional(),
  bundle: BundleSchema.optional(),
  typing: TypingSchema.optional(),
  roundTrip: RoundTripSchema.optional(),
  helper: HelperSchema.optional(),
  heap: HeapSchema.optional(),
  targets: z.array(TargetSchema),
});

export type StartupResult = z.infer<typeof StartupSchema>;
export type BundleResult = z.infer<typeof BundleSchema>;
export type TypingResult = z.infer<typeof TypingSchema>;
export type RoundTripResult = z.infer<typeof RoundTripSchema>;
export type HelperResult = z.infer<typeof HelperSchema>;
export type HeapResult = z.infer<typeof HeapSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Results = z.infer<typeof ResultsSchema>;
export type Measured = Pick<Results, 'startup' | 'bundle' | 'typing' | 'roundTrip' | 'helper' | 'heap'>;
