// A strict little argv parser: `--name value`, `--name=value` and boolean `--flag`.
export interface ArgSpec {
  readonly values: readonly string[];
  readonly flags: readonly string[];
}

export interface ParsedArgs {
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  /** Arguments not in the spec (Electron passes Chromium's own switches along). */
  readonly unknown: readonly string[];
  readonly errors: readonly string[];
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const unknown: string[] = [];
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/s.exec(arg);
    if (!m) {
      unknown.push(arg);
      continue;
    }
    const [, name, inline] = m as unknown as [string, string, string | undefined];
    if (spec.flags.includes(name)) {
      if (inline !== undefined) errors.push(`--${name} takes no value`);
      flags.add(name);
    } else if (spec.values.includes(name)) {
      // `--socket --dev` is a missing value, not a socket named "--dev".
      const next = argv[i + 1];
      const value = inline ?? (next !== undefined && !next.startsWith('--') ? (i++, next) : undefined);
      if (value === undefined || value === '') errors.push(`--${name} needs a value`);
      else values.set(name, value);
    } else {
      unknown.push(arg);
    }
  }
  return { values, flags, unknown, errors };
}
