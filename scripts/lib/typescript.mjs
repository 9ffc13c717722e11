// How a plain `node scripts/*.mjs` entry point runs the project's TypeScript tools: esbuild bundles
// the module into dist/scripts/ (packages stay in node_modules), then it is imported, as the
// benchmark is (scripts/lib/bench-build.mjs). scripts/lib/paths.mjs stays outside the bundle, so
// `root` is the project's wherever the bundle lies. Needs the node packages (ensureNodePackages).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './paths.mjs';

const PATHS = path.join(root, 'scripts/lib/paths.mjs');

/**
 * Bundles `entry` (relative to the project) and imports it.
 * @param {string} entry e.g. 'scripts/l10n/gallery/gallery.ts'
 * @returns {Promise<any>} the module's exports
 */
export async function importTypeScript(entry) {
  const { build } = await import('esbuild');
  const outfile = path.join(root, 'dist/scripts', `${path.basename(entry).replace(/\.[cm]?[jt]s$/, '')}.mjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: 'inline',
    logLevel: 'warning',
    packages: 'external',
    plugins: [
      {
        name: 'project-paths',
        setup(b) {
          b.onResolve({ filter: /(^|\/)paths\.mjs$/ }, (args) =>
            path.resolve(args.resolveDir, args.path) === PATHS ? { path: pathToFileURL(PATHS).href, external: true } : undefined,
          );
        },
      },
    ],
  });
  return import(pathToFileURL(outfile).href);
}
