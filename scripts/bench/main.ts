// Entry of dist/bench/bench.mjs (built by scripts/bench.mjs): runs the benchmark, prints the
// table and writes the JSON. Exit code 0 when it ran, whether or not every target is met;
// 2 for bad arguments; 1 when a section could not be measured.
import path from 'node:path';
import { parseOptions, UsageError } from './options';
import { runBench } from './run-bench';
import { renderTable } from './table';

export async function main(argv: readonly string[], root: string): Promise<number> {
  let options;
  try {
    const parsed = parseOptions(argv, path.join(root, 'bench-results/latest.json'));
    options = { ...parsed, out: path.resolve(parsed.out) };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`bench: ${e.message}\n`);
    return 2;
  }
  try {
    const results = await runBench(options, root, (line) => process.stderr.write(`bench: ${line}\n`));
    process.stdout.write(renderTable(results) + '\n');
    const missed = results.targets.filter((t) => t.met === false).map((t) => t.id);
    process.stdout.write(`\n${missed.length ? `targets missed: ${missed.join(', ')}` : 'every measured target met'}; results in ${path.relative(root, options.out) || options.out}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
