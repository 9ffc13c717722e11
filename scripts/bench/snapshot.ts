// A private copy of what the benchmark runs (the renderer, the helper, the preview server), so
// that a rebuild of dist/ while it runs cannot change or break the figures of this run. The
// blank page of the start-up floor is added to the renderer copy and is served by the same
// preview server, with the same headers and the same font files.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Snapshot {
  readonly rendererDir: string;
  readonly helper: string;
  readonly previewServer: string;
  /** Path of the blank page, relative to the renderer folder's URL. */
  readonly blankPage: string;
}

export const BLANK_PAGE = 'bench-blank.html';

/** The words of the blank page: the wizard's first heading and its Next button. */
export interface BlankText {
  readonly heading: string;
  readonly button: string;
}

export class MissingBuildError extends Error {}

/** What a run needs from dist/: the renderer, the helper, the preview server. */
export interface Needs {
  readonly renderer: boolean;
  readonly helper: boolean;
  readonly preview: boolean;
}

/** Copies what `needs` names; paths of what was not needed are left empty. */
export function takeSnapshot(root: string, into: string, text: BlankText, needs: Needs): Snapshot {
  const dist = path.join(root, 'dist');
  const wanted = [needs.renderer && 'renderer/index.html', needs.helper && 'host/helper.mjs', needs.preview && 'preview/server.mjs'].filter((f): f is string => Boolean(f));
  const missing = wanted.filter((f) => !existsSync(path.join(dist, f)));
  if (missing.length) throw new MissingBuildError(`not built: dist/${missing.join(', dist/')} (run npm run build)`);
  const copy = (from: string, to: string) => {
    mkdirSync(path.dirname(path.join(into, to)), { recursive: true });
    cpSync(path.join(dist, from), path.join(into, to), { recursive: true });
    return path.join(into, to);
  };
  const rendererDir = needs.renderer ? copy('renderer', 'renderer') : '';
  if (needs.renderer) writeBlankPage(rendererDir, text);
  return {
    rendererDir,
    helper: needs.helper ? copy('host/helper.mjs', 'host/helper.mjs') : '',
    previewServer: needs.preview ? copy('preview/server.mjs', 'preview/server.mjs') : '',
    blankPage: BLANK_PAGE,
  };
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The wizard's Latin faces (regular and bold), as built, or an error naming what is missing. */
function builtFont(assets: string, face: string): string {
  const found = readdirSync(assets).find((f) => f.startsWith(`${face}-`) && f.endsWith('.woff2'));
  if (!found) throw new MissingBuildError(`dist/renderer/assets has no ${face} font`);
  return found;
}

/**
 * The built index.html without its scripts and stylesheet: the same head (meta, title, icon),
 * a stylesheet with the wizard's two Latin faces, and a heading, a paragraph and a button.
 */
function writeBlankPage(rendererDir: string, text: BlankText): void {
  const assets = path.join(rendererDir, 'assets');
  const regular = builtFont(assets, 'NotoSans-Regular');
  const bold = builtFont(assets, 'NotoSans-Bold');
  const face = (weight: number, file: string) =>
    `@font-face{font-family:'Noto Sans';font-weight:${weight};font-display:swap;src:url('./assets/${file}') format('woff2')}`;
  writeFileSync(
    path.join(rendererDir, 'bench-blank.css'),
    [face(400, regular), face(700, bold), "body{font-family:'Noto Sans',sans-serif}h1{font-weight:700}"].join('\n'),
  );
  const index = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const page = index
    .replace(/^\s*<script\b[^>]*>\s*<\/script>\s*$/gm, '')
    .replace(/^\s*<link rel="(?:stylesheet|modulepreload)"[^>]*>\s*$/gm, '')
    .replace('</head>', '  <link rel="stylesheet" href="./bench-blank.css" />\n  </head>')
    .replace(/<div id="root"><\/div>/, `<main><h1>${esc(text.heading)}</h1><p>${esc(text.heading)}</p><button type="button">${esc(text.button)}</button></main>`);
  if (/<script\b/.test(page) || !page.includes('<main>')) throw new Error('cannot derive the blank page from dist/renderer/index.html');
  writeFileSync(path.join(rendererDir, BLANK_PAGE), page);
}
