// `npm run l10n:gallery`: screenshots of every page and main state (errors, FIDO2 prompts, the
// install, its failure, the end, the wait for the helper, the fatal screen) in every locale,
// through the browser preview with real sandbox helpers, and an index.html contact sheet.
//   node scripts/l10n-gallery.mjs [--out DIR] [--locales en,fi,…,pseudo,keys] [--jobs N] [--no-build]
// Default folder: l10n-gallery/ (gitignored); it prints where it wrote.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { build, ensureNodePackages, ensureSystemPackages } from './lib/setup.mjs';
import { root } from './lib/processes.mjs';
import { launchChromium } from './l10n/gallery/browser.mjs';
import { writeContactSheet } from './l10n/gallery/contact-sheet.mjs';
import { GALLERY_LOCALES, KEYS_LOCALE_ID } from './l10n/gallery/locales.mjs';
import { runLocale } from './l10n/gallery/run-locale.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const outDir = path.resolve(root, option('--out', 'l10n-gallery'));
const wanted = option('--locales', GALLERY_LOCALES.map((l) => l.id).join(',')).split(',');
const locales = GALLERY_LOCALES.filter((l) => wanted.includes(l.id));
const jobs = Math.max(1, Number(option('--jobs', String(Math.min(3, availableParallelism())))));
if (locales.length === 0) {
  console.error(`l10n-gallery: no known locale in --locales (known: ${GALLERY_LOCALES.map((l) => l.id).join(', ')})`);
  process.exit(2);
}

ensureNodePackages();
ensureSystemPackages(['chromium', 'cryptsetup-bin', 'socat']);
if (!process.argv.includes('--no-build')) build();

const started = Date.now();
const browser = await launchChromium();
/** @type {Map<string, import('./l10n/gallery/run-locale.mjs').Shot[]>} */
const shots = new Map();
const failures = [];
const queue = [...locales];
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let locale = queue.shift(); locale; locale = queue.shift()) {
      const t = Date.now();
      try {
        shots.set(locale.id, await runLocale(browser, locale, outDir));
        console.log(`l10n-gallery: ${locale.id}: ${shots.get(locale.id).length} screenshots in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      } catch (e) {
        failures.push(locale.id);
        console.error(`l10n-gallery: ${locale.id} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }),
);
await browser.close();

const seconds = (Date.now() - started) / 1000;
const sheet = writeContactSheet(outDir, locales, shots, { seconds, keysColumn: KEYS_LOCALE_ID });
console.log(`l10n-gallery: ${sheet.images} screenshots in ${seconds.toFixed(0)} s`);
console.log(`l10n-gallery: ${sheet.file}`);
process.exit(failures.length ? 1 : 0);
