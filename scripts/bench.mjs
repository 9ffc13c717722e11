// `npm run bench`: the performance benchmark (docs/decisions/050-how-performance-is-measured.md).
// Builds dist/ first when it is missing, bundles the benchmark (scripts/bench/*.ts) with esbuild
// into dist/bench/bench.mjs and its child program dist/bench/floors.mjs, runs it: a table on
// stdout, bench-results/latest.json.
//   npm run bench -- [--quick] [--only bundle,startup,typing,roundTrip,helper,install,memory]
//                    [--loads N] [--runs N] [--hellos N] [--typing-rounds N] [--installs N] [--out FILE]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildBench } from './lib/bench-build.mjs';
import { root } from './lib/paths.mjs';

const needed = ['dist/renderer/index.html', 'dist/host/helper.mjs', 'dist/preview/server.mjs'];
if (needed.some((f) => !existsSync(path.join(root, f)))) {
  console.error('bench: dist/ is incomplete, building it first');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const outfile = await buildBench(root);
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2), root);
