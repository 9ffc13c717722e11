// The gallery's index.html: one row per page or state, one column per locale, each screenshot
// linked to its full size and labelled with the i18n keys on screen (read from the key-only
// column), so a reviewer finds the string to fix from the picture.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** @typedef {import('./run-locale.mjs').Shot} Shot */
/** @typedef {import('./locales.mjs').GalleryLocale} GalleryLocale */

/** @param {string} s */
const html = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body { font-family: 'Noto Sans', system-ui, sans-serif; margin: 1rem; color: #15171a; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
p.meta { color: #474d57; margin: 0 0 1rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c9ccd2; padding: .4rem; vertical-align: top; }
thead th { position: sticky; top: 0; background: #f3f4f6; z-index: 1; }
th.state { text-align: start; min-inline-size: 14rem; max-inline-size: 18rem; font-weight: 400; }
th.state b { display: block; font-size: 1rem; margin-block-end: .3rem; }
figure { margin: 0; }
img { display: block; inline-size: 220px; border: 1px solid #6b7280; }
figcaption { font-size: .75rem; color: #474d57; max-inline-size: 220px; }
details code { display: block; font-size: .72rem; line-height: 1.35; white-space: pre-wrap; word-break: break-all; }
td.missing { color: #a8231a; font-size: .8rem; }
`;

/**
 * @param {string} outDir
 * @param {GalleryLocale[]} locales
 * @param {Map<string, Shot[]>} shotsByLocale
 * @param {{ seconds: number, keysColumn: string }} meta
 * @returns {{ file: string, images: number }}
 */
export function writeContactSheet(outDir, locales, shotsByLocale, meta) {
  const states = [];
  for (const shots of shotsByLocale.values()) for (const s of shots) if (!states.includes(s.name)) states.push(s.name);
  /** @type {Map<string, string[]>} */
  const keys = new Map((shotsByLocale.get(meta.keysColumn) ?? []).map((s) => [s.name, s.keys ?? []]));
  let images = 0;

  const rows = states.map((state) => {
    const stateKeys = keys.get(state) ?? [];
    const cells = locales.map((l) => {
      const shot = shotsByLocale.get(l.id)?.find((s) => s.name === state);
      if (!shot) return `<td class="missing">missing</td>`;
      images++;
      const label = `${state} · ${l.id}${stateKeys.length ? ` · keys: ${stateKeys.join(', ')}` : ''}`;
      return `<td><figure><a href="${html(shot.file)}"><img src="${html(shot.file)}" loading="lazy" alt="${html(label)}" title="${html(label)}"></a>` +
        `<figcaption>${html(`${state} · ${l.id} · ${stateKeys.length} keys`)}</figcaption></figure></td>`;
    });
    const keyList = stateKeys.length ? `<details><summary>${stateKeys.length} keys on screen</summary><code>${html(stateKeys.join('\n'))}</code></details>` : '';
    return `<tr><th class="state" scope="row"><b>${html(state)}</b>${keyList}</th>${cells.join('')}</tr>`;
  });

  const head = locales.map((l) => `<th scope="col">${html(l.label)}<br><small>${html(l.id)}</small></th>`).join('');
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Spectrum first boot: localization gallery</title><style>${STYLE}</style></head>
<body>
<h1>Spectrum first boot: localization gallery</h1>
<p class="meta">${images} screenshots, ${states.length} pages and states × ${locales.length} locales, made in ${meta.seconds.toFixed(0)} s. Each image is labelled with the i18n keys on screen (from the “keys” column); click an image for full size.</p>
<table><thead><tr><th scope="col">page / state</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</body></html>
`;
  const file = path.join(outDir, 'index.html');
  writeFileSync(file, page);
  writeFileSync(path.join(outDir, 'keys.json'), JSON.stringify(Object.fromEntries(keys), null, 2) + '\n');
  return { file, images };
}
