// The benchmark's command line: which sections to run, how many samples, where the JSON goes.
//   npm run bench -- [--quick] [--only a,b] [--loads N] [--runs N] [--hellos N] [--typing-rounds N]
//                    [--out FILE]
export const SECTIONS = ['bundle', 'startup', 'typing', 'roundTrip', 'helper', 'heap'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Counts {
  /** Cold loads of the wizard and of the blank page, each (start-up). */
  readonly loads: number;
  /** Plan round trips, each on a fresh helper, and as many echo-floor exchanges. */
  readonly runs: number;
  /** Connections that each read one `hello` (CPU per hello). */
  readonly hellos: number;
  /** Connections held open at once (helper footprint). */
  readonly openConnections: number;
  /** Times the 30-character passphrase is typed (typing). */
  readonly typingRounds: number;
}

export interface BenchOptions {
  readonly sections: readonly Section[];
  readonly counts: Counts;
  readonly out: string;
  readonly quick: boolean;
}

export const FULL_COUNTS: Counts = { loads: 15, runs: 200, hellos: 300, openConnections: 32, typingRounds: 3 };
export const QUICK_COUNTS: Counts = { loads: 2, runs: 5, hellos: 20, openConnections: 32, typingRounds: 1 };

export class UsageError extends Error {}

function positive(flag: string, text: string | undefined): number {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`${flag} needs a whole number of at least 1`);
  return Number(text);
}

function sections(text: string | undefined): Section[] {
  const names = (text ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) throw new UsageError(`--only takes a comma-separated list of: ${SECTIONS.join(', ')}`);
  return names as Section[];
}

export function parseOptions(argv: readonly string[], defaultOut: string): BenchOptions {
  let quick = false;
  let only: Section[] | null = null;
  let out = defaultOut;
  const set: Partial<Record<keyof Counts, number>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--only') only = sections(argv[++i]);
    else if (arg === '--out') out = argv[++i] ?? '';
    else if (arg === '--loads') set.loads = positive(arg, argv[++i]);
    else if (arg === '--runs') set.runs = positive(arg, argv[++i]);
    else if (arg === '--hellos') set.hellos = positive(arg, argv[++i]);
    else if (arg === '--typing-rounds') set.typingRounds = positive(arg, argv[++i]);
    else throw new UsageError(`unknown argument "${arg}"`);
  }
  if (!out) throw new UsageError('--out needs a file name');
  const base = quick ? QUICK_COUNTS : FULL_COUNTS;
  return { sections: only ?? [...SECTIONS], counts: { ...base, ...set }, out, quick };
}
