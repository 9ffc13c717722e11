// `npm run bench`: the performance benchmark (docs/decisions/050-how-performance-is-measured.md).
// Builds dist/ first when it is missing, bundles the benchmark (scripts/bench/*.ts) into
// dist/bench/bench.mjs with esbuild, runs it: a table on stdout, bench-results/latest.json.
//   npm run bench -- [--quick] [--only bundle,startup,typing,roundTrip,helper,heap]
//                    [--loads N] [--runs N] [--hellos N] [--out FILE]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib/processes.mjs';

const needed = ['dist/renderer/index.html', 'dist/host/helper.mjs', 'dist/preview/server.mjs'];
if (needed.some((f) => !existsSync(path.join(root, f)))) {
  console.error('bench: dist/ is incomplete, building it first');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const outfile = path.join(root, 'dist/bench/bench.mjs');
await build({
  absWorkingDir: root,
  entryPoints: ['scripts/bench/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2), root);
