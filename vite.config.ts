// The renderer's build: root renderer/, output dist/renderer, relative URLs (the page may be
// loaded from a file or a custom protocol), no inline scripts (CSP), locales and fonts from
// assets/ pulled in as modules: English bundled, every other language its own lazy chunk.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Every module the entry imports statically goes into one first chunk (ADR 120): what is
 * shared with the lazy pages is not split off into chunks of its own, each a request before
 * Welcome can hydrate.
 */
function firstChunk(): { plugin: Plugin; has: (id: string) => boolean } {
  const modules = new Set<string>();
  const plugin: Plugin = {
    name: 'spectrum:first-chunk',
    apply: 'build',
    buildEnd() {
      modules.clear();
      const stack = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        if (modules.has(id)) continue;
        modules.add(id);
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
  return { plugin, has: (id) => modules.has(id) };
}
const first = firstChunk();

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), first.plugin],
  server: {
    // assets/ lives beside renderer/: let the dev server read it.
    fs: { allow: [repoRoot] },
  },
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // Inline data: URLs would need a looser CSP (font-src/img-src data:); emit files instead.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    // zxcvbn's dictionaries (~1.6 MB) are one lazy chunk by nature; the first chunk is ~120 KB gzip.
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: true,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'index', test: first.has }] } } },
  },
});
