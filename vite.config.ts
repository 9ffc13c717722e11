// The renderer's build: root renderer/, output dist/renderer, relative URLs (the page may be
// loaded from a file or a custom protocol), no inline scripts (CSP), locales and fonts from
// assets/ pulled in as modules: English bundled, every other language its own lazy chunk.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react()],
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
  },
});
