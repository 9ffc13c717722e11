// The one command-line reader of every program here (the helper, the unlock program, the answers
// tool, the wizard's main process and preview server, the benchmark): node's util.parseArgs reads
// the words, one option table says what each option is, takes and means, values come out typed
// and checked by zod, and --help is written from the same table. A problem is one sentence that
// names the option.
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** Bad arguments: the message names the option; programs print it with their usage, exit 2. */
export class UsageError extends Error {}

interface Described {
  /** One line for --help. */
  readonly help: string;
  /** A one-letter alias (`-h`). */
  readonly short?: string;
}

export interface FlagSpec extends Described {
  readonly type: 'boolean';
}

export interface ValueSpec<T = string, M extends boolean = boolean> extends Described {
  readonly type: 'string';
  /** The value's name in --help: DIR, FILE, N. */
  readonly value: string;
  /** Given more than once it adds up (a list); otherwise a second time is an error. */
  readonly multiple: M;
  /** Reads the text; a failed check's message says what the option needs ("a whole number …"). */
  readonly schema: z.ZodType<T>;
}

export type OptionSpec = FlagSpec | ValueSpec<unknown>;
export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** A switch without a value: true when given. */
export const flag = (help: string, short?: string): FlagSpec => ({ type: 'boolean', help, short });

/** An option with a value (`--name VALUE` or `--name=VALUE`), read by `schema` (any text by default). */
export function option<T = string>(value: string, help: string, schema?: z.ZodType<T>): ValueSpec<T, false> {
  return { type: 'string', value, help, multiple: false, schema: schema ?? (z.string() as unknown as z.ZodType<T>) };
}

/** The same option, which may be given more than once. */
export const repeated = <T>(spec: ValueSpec<T, false>): ValueSpec<T, true> => ({ ...spec, multiple: true });

/** A whole number from `min` to `max`. */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER): z.ZodType<number> {
  const wanted = max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
  return z.string().regex(/^\d+$/, wanted).transform(Number).pipe(z.number().min(min, wanted).max(max, wanted));
}

/** One of `choices`. */
export const oneOf = <const C extends readonly [string, ...string[]]>(choices: C): z.ZodType<C[number]> =>
  z.enum(choices, { error: `one of ${choices.join(', ')}` });

/** A non-empty list of `choices` separated by `separator`. */
export function listOf<const C extends readonly [string, ...string[]]>(choices: C, separator = ','): z.ZodType<C[number][]> {
  const wanted = `a list of ${choices.join(', ')} separated by "${separator}"`;
  return z
    .string()
    .transform((text) => text.split(separator).filter(Boolean))
    .pipe(z.array(z.enum(choices, { error: wanted })).min(1, wanted));
}

/** What each option of `O` reads as: booleans for flags, the schema's output (a list if repeated), undefined when not given. */
export type Values<O extends OptionTable> = {
  -readonly [K in keyof O]: O[K] extends FlagSpec
    ? boolean
    : O[K] extends ValueSpec<infer T, true>
      ? T[]
      : O[K] extends ValueSpec<infer T, false>
        ? T | undefined
        : never;
};

export interface Settings {
  /** Words that are not options are kept (a command, files); otherwise each is a problem. */
  readonly positionals?: boolean;
  /** Options not in the table are passed through in `unknown` (Electron's Chromium switches) instead of refused. */
  readonly passThrough?: boolean;
}

export interface ReadArgs<O extends OptionTable> {
  readonly values: Values<O>;
  readonly positionals: readonly string[];
  /** With `passThrough`: the words not understood, as given. */
  readonly unknown: readonly string[];
  /** `-h` or `--help` was given. */
  readonly help: boolean;
  /** Each problem as one sentence naming the option. */
  readonly problems: readonly string[];
}

const HELP: FlagSpec = flag('this text', 'h');

/** Reads `argv` (without node and the script) against `table`; never throws. */
export function readArgs<O extends OptionTable>(argv: readonly string[], table: O, settings: Settings = {}): ReadArgs<O> {
  const all: OptionTable = { help: HELP, ...table };
  const texts = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  const unknown: string[] = [];
  const problems: string[] = [];
  const options = Object.fromEntries(
    Object.entries(all).map(([name, s]) => [name, s.short ? { type: s.type, short: s.short } : { type: s.type }]),
  );
  let rest = [...argv];
  while (rest.length > 0) {
    const { tokens } = parseArgs({
      args: rest,
      options,
      strict: false,
      allowPositionals: true,
      tokens: true,
    });
    let resumeAt = rest.length;
    const seen = new Set<number>();
    for (const token of tokens) {
      if (token.kind === 'option-terminator') continue;
      if (token.kind === 'positional') {
        if (settings.positionals) positionals.push(token.value);
        else if (settings.passThrough) unknown.push(token.value);
        else problems.push(`unexpected argument "${token.value}"`);
        continue;
      }
      const spec = Object.hasOwn(all, token.name) ? all[token.name] : undefined;
      const name = token.name; // `-h` reads as help
      if (!spec) {
        // `-xy` is one word of two tokens: pass the word on once.
        if (settings.passThrough) {
          if (!seen.has(token.index)) unknown.push(rest[token.index]!);
          seen.add(token.index);
        } else problems.push(`unknown option ${token.rawName}`);
        continue;
      }
      if (spec.type === 'boolean') {
        if (token.value !== undefined) problems.push(`--${name} takes no value`);
        else flags.add(name);
        continue;
      }
      // `--socket --dev` is --socket without a value, then --dev: read again from --dev.
      if (token.value === undefined || token.value === '' || (!token.inlineValue && token.value.startsWith('-'))) {
        problems.push(`--${name} needs a value (${spec.value})`);
        if (token.value !== undefined && !token.inlineValue) {
          resumeAt = token.index + 1;
          break;
        }
        continue;
      }
      const list = texts.get(name) ?? [];
      if (list.length > 0 && !spec.multiple) problems.push(`--${name} is given twice`);
      else texts.set(name, [...list, token.value]);
    }
    rest = rest.slice(resumeAt);
  }

  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) {
    if (spec.type === 'boolean') {
      values[name] = flags.has(name);
      continue;
    }
    const read = (texts.get(name) ?? []).map((text) => {
      const parsed = spec.schema.safeParse(text);
      if (parsed.success) return parsed.data;
      problems.push(`--${name} needs ${parsed.error.issues[0]?.message ?? spec.value}, not "${text}"`);
      return undefined;
    });
    values[name] = spec.multiple ? read.filter((v) => v !== undefined) : read[0];
  }
  return { values: values as Values<O>, positionals, unknown, help: flags.has('help'), problems };
}

/**
 * Reads `argv` against `table` and throws a UsageError with the first problem, unless --help
 * was asked for (then `help` is true and the caller prints helpText).
 */
export function parseCommandLine<O extends OptionTable>(argv: readonly string[], table: O, settings: Settings = {}): ReadArgs<O> {
  const read = readArgs(argv, table, settings);
  if (!read.help && read.problems.length > 0) throw new UsageError(read.problems[0]);
  return read;
}

/** `usage` (the forms the program is called in), then every option of the table with its line. */
export function helpText(usage: string, table: OptionTable): string {
  const all: OptionTable = { ...table, help: HELP };
  const rows = Object.entries(all).map(([name, spec]) => {
    const left = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value}` : ''}`;
    return [left + (spec.type === 'string' && spec.multiple ? ' …' : ''), spec.help] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length));
  return [usage, 'options:', ...rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`)].join('\n');
}
