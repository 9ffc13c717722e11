// The command-line reader every program uses: typed values, one sentence naming the bad option,
// and --help written from the same table.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flag, helpText, integer, listOf, oneOf, option, parseCommandLine, readArgs, repeated, UsageError } from './options';

const TABLE = {
  sandbox: option('DIR', 'run on a sandbox folder'),
  runs: option('N', 'how many runs', integer(1, 100)),
  mode: option('MODE', 'how to run', oneOf(['fast', 'slow'])),
  only: option('LIST', 'the sections to run', listOf(['a', 'b', 'c'])),
  'answers-dir': repeated(option('DIR', 'a folder that may hold answers')),
  'fast-kdf': flag('cheap key derivation'),
};

const refused = (argv: string[]) => {
  try {
    parseCommandLine(argv, TABLE);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${JSON.stringify(argv)} was accepted`);
};

describe('parseCommandLine', () => {
  it('reads typed values in both spellings, repeated options as a list, flags as booleans', () => {
    const { values, help } = parseCommandLine(
      ['--sandbox', '/tmp/s', '--runs=7', '--mode', 'slow', '--only', 'a,c', '--answers-dir', '/x', '--answers-dir=/y', '--fast-kdf'],
      TABLE,
    );
    expect(values).toEqual({ sandbox: '/tmp/s', runs: 7, mode: 'slow', only: ['a', 'c'], 'answers-dir': ['/x', '/y'], 'fast-kdf': true });
    expect(help).toBe(false);
    expect(parseCommandLine([], TABLE).values).toEqual({
      sandbox: undefined,
      runs: undefined,
      mode: undefined,
      only: undefined,
      'answers-dir': [],
      'fast-kdf': false,
    });
  });

  it('names the bad option in one sentence', () => {
    expect(refused(['--bogus'])).toBe('unknown option --bogus');
    expect(refused(['-x'])).toBe('unknown option -x');
    expect(refused(['--sandbox'])).toBe('--sandbox needs a value (DIR)');
    expect(refused(['--sandbox='])).toBe('--sandbox needs a value (DIR)');
    expect(refused(['--runs', '0'])).toBe('--runs needs a whole number from 1 to 100, not "0"');
    expect(refused(['--runs', 'many'])).toBe('--runs needs a whole number from 1 to 100, not "many"');
    expect(refused(['--mode', 'medium'])).toBe('--mode needs one of fast, slow, not "medium"');
    expect(refused(['--only', 'a,z'])).toBe('--only needs a list of a, b, c separated by ",", not "a,z"');
    expect(refused(['--only', ','])).toBe('--only needs a list of a, b, c separated by ",", not ","');
    expect(refused(['--sandbox', 'x', '--sandbox', 'y'])).toBe('--sandbox is given twice');
    expect(refused(['--fast-kdf=yes'])).toBe('--fast-kdf takes no value');
    expect(refused(['stray'])).toBe('unexpected argument "stray"');
  });

  it('reads an option where a value was missing as the next option, not as the value', () => {
    const read = readArgs(['--sandbox', '--fast-kdf', '--runs', '3'], TABLE);
    expect(read.problems).toEqual(['--sandbox needs a value (DIR)']);
    expect(read.values).toMatchObject({ sandbox: undefined, 'fast-kdf': true, runs: 3 });
    // A value that starts with a dash is given with "=".
    expect(parseCommandLine(['--sandbox=-odd'], TABLE).values.sandbox).toBe('-odd');
  });

  it('keeps positionals when asked, and passes unknown words through when asked', () => {
    expect(parseCommandLine(['sign', '--sandbox', 'x', 'file.yaml'], TABLE, { positionals: true }).positionals).toEqual([
      'sign',
      'file.yaml',
    ]);
    const read = readArgs(['.', '--no-sandbox', '--sandbox', '--enable-logging=stderr', '-xy', '--runs', '2'], TABLE, {
      passThrough: true,
    });
    expect(read.unknown).toEqual(['.', '--no-sandbox', '--enable-logging=stderr', '-xy']);
    expect(read.problems).toEqual(['--sandbox needs a value (DIR)']);
    expect(read.values.runs).toBe(2);
  });

  it('answers -h and --help even beside a bad option, with text made from the table', () => {
    expect(parseCommandLine(['--bogus', '-h'], TABLE).help).toBe(true);
    expect(parseCommandLine(['--help'], TABLE).help).toBe(true);
    const text = helpText('usage: prog [options]', TABLE);
    expect(text.split('\n')).toEqual([
      'usage: prog [options]',
      'options:',
      '      --sandbox DIR        run on a sandbox folder',
      '      --runs N             how many runs',
      '      --mode MODE          how to run',
      '      --only LIST          the sections to run',
      '      --answers-dir DIR …  a folder that may hold answers',
      '      --fast-kdf           cheap key derivation',
      '  -h, --help               this text',
    ]);
  });
});

describe('one reader', () => {
  it('is the only TypeScript that calls util.parseArgs', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.endsWith('.test.ts') && existsSync(f));
    const callsParseArgs = /import\s*\{[^}]*\bparseArgs\b[^}]*\}\s*from\s*'(node:)?util'|\butil\.parseArgs\(/;
    const callers = files.filter((f) => callsParseArgs.test(readFileSync(f, 'utf8')));
    expect(callers).toEqual(['shared-node/cli/options.ts']);
  });
});
