// Builds what runs: the host helper, the Electron main and preload, the preview server (esbuild),
// the bundled fonts and the renderer (Vite). `node scripts/build.mjs [host|electron|fonts|renderer|all]... [--force]`
// (--force: subset the fonts again even when nothing changed)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const targets = process.argv.slice(2).filter((a) => a !== '--force');
const wanted = new Set(targets.length ? targets : ['all']);
const want = (t) => wanted.has('all') || wanted.has(t);

const nodeCommon = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  minify: true,
};

const jobs = [];
const entry = (file) => {
  if (existsSync(path.join(root, file))) return true;
  console.error(`build: ${file} is missing`);
  jobs.push(Promise.reject(new Error(`missing entry ${file}`)));
  return false;
};
if (want('host') && entry('host/cli.ts')) {
  jobs.push(
    build({
      ...nodeCommon,
      entryPoints: { helper: 'host/cli.ts', answers: 'host/answers-cli.ts', unlock: 'host/unlock/cli.ts' },
      outdir: 'dist/host',
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    }),
  );
}
if (want('electron') && entry('electron/main/main.ts') && entry('electron/preload/preload.ts') && entry('electron/node/preview-cli.ts')) {
  // Electron's main process and the sandboxed preload are CommonJS; `electron` is provided at run time.
  jobs.push(
    build({
      ...nodeCommon,
      entryPoints: { main: 'electron/main/main.ts' },
      outdir: 'dist/electron',
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      external: ['electron'],
    }),
  );
  jobs.push(
    build({
      ...nodeCommon,
      entryPoints: { preload: 'electron/preload/preload.ts' },
      outdir: 'dist/electron',
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      external: ['electron'],
      platform: 'browser',
      target: 'chrome130',
    }),
  );
  jobs.push(
    build({
      ...nodeCommon,
      entryPoints: { server: 'electron/node/preview-cli.ts' },
      outdir: 'dist/preview',
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    }),
  );
}
const results = await Promise.allSettled(jobs);
let failed = results.filter((r) => r.status === 'rejected').length;
for (const r of results) if (r.status === 'rejected') console.error(r.reason?.message ?? r.reason);

// The bundled fonts, subset from Debian's Noto fonts (cached: nothing to do when unchanged).
if (want('fonts') || want('renderer')) {
  const { ensureSystemPackages } = await import('./lib/setup.mjs');
  const { importTypeScript } = await import('./lib/typescript.mjs');
  const { FONT_PACKAGES } = await import('./l10n/fonts/faces.mjs');
  try {
    ensureSystemPackages(FONT_PACKAGES);
    const { buildFonts } = await importTypeScript('scripts/l10n/fonts/build-fonts.mjs');
    const r = await buildFonts({ force, log: console.log });
    if (!r.built && wanted.has('fonts')) console.log('fonts: up to date');
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    failed++;
  }
}

if (want('renderer') && existsSync(path.join(root, 'renderer/index.html'))) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
  else {
    // Welcome's markup into index.html, hydrated by the page (ADR 054).
    const { prerenderIndex } = await import('./lib/prerender.mjs');
    await prerenderIndex(root).catch((e) => {
      console.error(`build: prerendering Welcome failed: ${e.message}`);
      failed++;
    });
  }
}
if (failed) {
  console.error(`build: ${failed} target(s) failed`);
  process.exit(1);
}
