// The gallery's index.html: one row per page or state, one column per locale, each screenshot
// linked to its full size and labelled with the i18n keys on screen (read from the key-only
// column), so a reviewer finds the string to fix from the picture.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** @typedef {import('./run-locale').Shot} Shot */
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
.status { display: inline-block; font-size: .7rem; font-weight: 400; padding: 0 .35rem; border-radius: .6rem; background: #e5e7eb; }
.status-machine-assisted { background: #fde68a; }
.status-native-reviewed { background: #bbf7d0; }
.status-note { display: block; max-inline-size: 220px; font-weight: 400; color: #474d57; }
details.notes dd { margin: 0 0 .4rem; font-size: .75rem; }
details.notes dt code { display: inline; }
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
  const keyShots = shotsByLocale.get(meta.keysColumn) ?? [];
  /** @type {Map<string, string[]>} */
  const keys = new Map(keyShots.map((s) => [s.name, s.keys ?? []]));
  /** Context notes for translators, as the key view listed them. @type {Record<string, string>} */
  const notes = Object.assign({}, ...keyShots.map((s) => s.notes ?? {}));
  let images = 0;

  const rows = states.map((state) => {
    const stateKeys = keys.get(state) ?? [];
    const cells = locales.map((l) => {
      const shot = shotsByLocale.get(l.id)?.find((s) => s.name === state);
      if (!shot) return `<td class="missing">missing</td>`;
      images++;
      const label = `${state} · ${l.id}${stateKeys.length ? ` · keys: ${stateKeys.join(', ')}` : ''}`;
      return (
        `<td><figure><a href="${html(shot.file)}"><img src="${html(shot.file)}" loading="lazy" alt="${html(label)}" title="${html(label)}"></a>` +
        `<figcaption>${html(`${state} · ${l.id} · ${stateKeys.length} keys`)}</figcaption></figure></td>`
      );
    });
    const noted = stateKeys.filter((k) => notes[k]);
    const keyList = stateKeys.length
      ? `<details><summary>${stateKeys.length} keys on screen</summary><code>${html(stateKeys.join('\n'))}</code></details>`
      : '';
    const noteList = noted.length
      ? `<details class="notes"><summary>${noted.length} context notes</summary><dl>${noted.map((k) => `<dt><code>${html(k)}</code></dt><dd>${html(notes[k] ?? '')}</dd>`).join('')}</dl></details>`
      : '';
    return `<tr><th class="state" scope="row"><b>${html(state)}</b>${keyList}${noteList}</th>${cells.join('')}</tr>`;
  });

  const head = locales
    .map(
      (l) =>
        `<th scope="col" lang="${html(l.lang)}" dir="${html(l.dir)}">${html(l.label)}<br><small lang="en" dir="ltr">${html(l.id)}</small>` +
        `<br><span class="status status-${html(l.review.status.replace(/\W+/g, '-'))}" lang="en" dir="ltr">${html(l.review.status)}</span>` +
        `<br><small class="status-note" lang="en" dir="ltr">${html(l.review.note)}</small></th>`,
    )
    .join('');
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Spectrum first boot: localization gallery</title><style>${STYLE}</style></head>
<body>
<h1>Spectrum first boot: localization gallery</h1>
<p class="meta">${images} screenshots, ${states.length} pages and states × ${locales.length} locales, made in ${meta.seconds.toFixed(0)} s. Each image is labelled with the i18n keys on screen (from the “keys” column), each row lists the context notes for translators of its keys, and each column says its language's review status (machine-assisted: awaiting native review); click an image for full size.</p>
<table><thead><tr><th scope="col">page / state</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</body></html>
`;
  const file = path.join(outDir, 'index.html');
  writeFileSync(file, page);
  writeFileSync(path.join(outDir, 'keys.json'), JSON.stringify(Object.fromEntries(keys), null, 2) + '\n');
  writeFileSync(path.join(outDir, 'notes.json'), JSON.stringify(notes, null, 2) + '\n');
  return { file, images };
}
