// Bundle figures from the built renderer: what index.html loads (its module script, its
// modulepreloads and stylesheets) plus everything those import statically is "initial";
// every other script or stylesheet is loaded later, named by what its source map says it holds.
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BundleResult } from './report';

type FileSize = BundleResult['initial']['files'][number];

function sizeOf(dir: string, file: string): FileSize {
  const bytes = readFileSync(path.join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}

const total = (files: readonly FileSize[]) => ({ raw: files.reduce((a, f) => a + f.raw, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) });

/** The files index.html names, relative to the renderer folder. */
function htmlReferences(html: string): { scripts: string[]; styles: string[] } {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const clean = (ref: string) => path.posix.normalize(ref.replace(/^\.\//, ''));
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    if (tag.startsWith('<script') && / type="module"/.test(tag) && attr(tag, 'src')) scripts.push(clean(attr(tag, 'src')!));
    const rel = attr(tag, 'rel');
    if (rel === 'modulepreload' && attr(tag, 'href')) scripts.push(clean(attr(tag, 'href')!));
    if (rel === 'stylesheet' && attr(tag, 'href')) styles.push(clean(attr(tag, 'href')!));
  }
  return { scripts, styles };
}

/** Scripts reachable from the entries through static `import` statements (esbuild's metafile). */
async function staticClosure(dir: string, entries: readonly string[]): Promise<Set<string>> {
  const result = await build({
    absWorkingDir: dir,
    entryPoints: [...entries],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: 'out',
    logLevel: 'silent',
  });
  const graph = result.metafile.inputs;
  const seen = new Set<string>(entries);
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    for (const imp of graph[file]?.imports ?? []) {
      if (imp.kind !== 'import-statement' || seen.has(imp.path)) continue;
      seen.add(imp.path);
      queue.push(imp.path);
    }
  }
  return seen;
}

/** What a lazily loaded file is for, from the sources its map lists. */
export function lazyName(sources: readonly string[], file: string): string {
  const has = (s: string) => sources.some((x) => x.includes(s));
  const dictionary = sources.map((s) => /@zxcvbn-ts\/language-(?!common|en\/)([a-z-]+)\//.exec(s)?.[1]).find(Boolean);
  if (dictionary) return `strength dictionary ${dictionary} (loaded with its language)`;
  if (has('strength.worker')) return 'strength estimator (worker)';
  if (has('@zxcvbn-ts')) return 'strength estimator (in-page fallback)';
  if (has('node_modules/qrcode/')) return 'QR code';
  const locale = sources.map((s) => /assets\/locales\/([^/]+)\//.exec(s)?.[1]).find(Boolean);
  if (locale) return `locale ${locale}`;
  if (has('renderer/transport/') || has('shared/ipc/ws-protocol')) return 'preview transport (preview only, loaded at start)';
  return file;
}

function sourcesOf(dir: string, file: string): string[] {
  const map = path.join(dir, `${file}.map`);
  if (!existsSync(map)) return [];
  const parsed = JSON.parse(readFileSync(map, 'utf8')) as { sources?: unknown };
  return Array.isArray(parsed.sources) ? parsed.sources.filter((s): s is string => typeof s === 'string') : [];
}

/**
 * Locale chunks (JSON modules have no sources in their maps): the initial scripts name them in
 * the `import.meta.glob` table Vite writes, `"…/locales/<lang>/<ns>.json": () => import("./x.js")`.
 */
export function localeChunks(code: string): Map<string, string> {
  const found = new Map<string, string>();
  const entry = /"[^"]*\/locales\/([^/"]+)\/[^"]+\.json"\s*:\s*\(\)\s*=>[^,]*?import\(\s*[`'"]\.\/([^`'"]+)[`'"]/g;
  for (const m of code.matchAll(entry)) found.set(`assets/${m[2]}`, `locale ${m[1]}`);
  return found;
}

export async function measureBundle(rendererDir: string): Promise<BundleResult> {
  const { scripts, styles } = htmlReferences(readFileSync(path.join(rendererDir, 'index.html'), 'utf8'));
  const initialScripts = await staticClosure(rendererDir, scripts);
  const locales = new Map<string, string>();
  for (const f of initialScripts)
    for (const [file, name] of localeChunks(readFileSync(path.join(rendererDir, f), 'utf8'))) locales.set(file, name);
  const initialJs = [...initialScripts].sort().map((f) => sizeOf(rendererDir, f));
  const initialCss = styles.map((f) => sizeOf(rendererDir, f));

  const assets = readdirSync(path.join(rendererDir, 'assets')).map((f) => `assets/${f}`);
  const groups = new Map<string, FileSize[]>();
  for (const f of assets.filter((a) => /\.(?:js|css)$/.test(a) && !initialScripts.has(a) && !styles.includes(a)).sort()) {
    const name = locales.get(f) ?? lazyName(sourcesOf(rendererDir, f), path.basename(f));
    groups.set(name, [...(groups.get(name) ?? []), sizeOf(rendererDir, f)]);
  }
  const lazy = [...groups].map(([name, files]) => ({ name, ...total(files), files })).sort((a, b) => b.gzip - a.gzip);
  return {
    initial: { js: total(initialJs), css: total(initialCss), files: [...initialJs, ...initialCss] },
    lazy,
    fonts: assets
      .filter((a) => a.endsWith('.woff2'))
      .sort()
      .map((f) => sizeOf(rendererDir, f)),
  };
}
