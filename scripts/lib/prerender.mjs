// Writes Welcome's prerendered markup into dist/renderer/index.html (ADR 054): renderer/prerender.tsx
// is built for Node by Vite (so locale globs, JSON and workers resolve as in the page), run once,
// and its markup put inside <div id="root">, marked with the render key and inert until hydrated.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const EMPTY_ROOT = '<div id="root"></div>';

const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Puts the prerendered markup into an index.html that has an empty root. */
export function withPrerendered(indexHtml, { html, key }) {
  if (!indexHtml.includes(EMPTY_ROOT)) throw new Error(`index.html has no empty ${EMPTY_ROOT}`);
  return indexHtml.replace(EMPTY_ROOT, () => `<div id="root" data-prerendered-key="${escapeAttribute(key)}" inert>${html}</div>`);
}

export async function prerenderIndex(root) {
  // Inside the project, so that the built module finds react-dom and i18next in node_modules.
  const out = path.join(root, 'dist/prerender');
  try {
    await build({
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { ssr: 'prerender.tsx', outDir: out, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
    });
    const { prerenderWelcome } = await import(pathToFileURL(path.join(out, 'prerender.js')).href);
    const index = path.join(root, 'dist/renderer/index.html');
    writeFileSync(index, withPrerendered(readFileSync(index, 'utf8'), await prerenderWelcome()));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
