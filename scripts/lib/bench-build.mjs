// How the benchmark is built (esbuild): dist/bench/bench.mjs, which runs from the project and
// takes its packages from node_modules, and dist/bench/floors.mjs, its child program, bundled
// whole since each run starts it from a private copy outside the project.
import { build } from 'esbuild';
import path from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', sourcemap: 'inline', logLevel: 'warning' };

/** @param {string} root */
export async function buildBench(root) {
  await Promise.all([
    build({
      ...common,
      absWorkingDir: root,
      entryPoints: ['scripts/bench/cli.ts'],
      outfile: path.join(root, 'dist/bench/bench.mjs'),
      packages: 'external',
    }),
    buildFloors(root),
  ]);
  return path.join(root, 'dist/bench/bench.mjs');
}

/** @param {string} root */
export function buildFloors(root) {
  return build({
    ...common,
    absWorkingDir: root,
    entryPoints: ['scripts/bench/floors.ts'],
    outfile: path.join(root, 'dist/bench/floors.mjs'),
    // Started cold for each floor: no inline source map to load with it.
    sourcemap: false,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}
