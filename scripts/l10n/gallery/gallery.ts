// The gallery's run (`npm run l10n:gallery`, scripts/l10n-gallery.mjs): its options, the columns
// a few at a time, the contact sheet.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { flag, helpText, integer, option, parseCommandLine, UsageError } from '../../../shared-node/cli/options';
import { root } from '../../lib/processes';
import { launchChromium } from './browser';
import { writeContactSheet } from './contact-sheet.mjs';
import { GALLERY_LOCALES, KEYS_LOCALE_ID, type GalleryLocale } from './locales.mjs';
import { runLocale, type Shot } from './run-locale';

const OPTIONS = {
  out: option('DIR', 'where the screenshots and index.html go (default: l10n-gallery/)'),
  locales: option('IDS', `the columns (default: all: ${GALLERY_LOCALES.map((l) => l.id).join(',')})`),
  jobs: option('N', 'columns at a time (default: up to 3)', integer(1)),
  'no-build': flag('use dist/ as it is'),
} as const;

export const USAGE = helpText('usage: node scripts/l10n-gallery.mjs [options]', OPTIONS);

export interface GalleryOptions {
  outDir: string;
  locales: GalleryLocale[];
  jobs: number;
  build: boolean;
}

/** The options, or an exit code when there is nothing to run (--help: 0, bad options: 2). */
export function parseGalleryOptions(argv: string[]): GalleryOptions | number {
  let read;
  try {
    read = parseCommandLine(argv, OPTIONS);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`l10n-gallery: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (read.help) {
    console.log(USAGE);
    return 0;
  }
  const { values } = read;
  const wanted = values.locales?.split(',') ?? GALLERY_LOCALES.map((l) => l.id);
  const locales = GALLERY_LOCALES.filter((l) => wanted.includes(l.id));
  if (locales.length === 0) {
    console.error(`l10n-gallery: no known locale in --locales (known: ${GALLERY_LOCALES.map((l) => l.id).join(', ')})`);
    return 2;
  }
  const jobs = values.jobs ?? Math.min(3, availableParallelism());
  return { outDir: path.resolve(root, values.out ?? 'l10n-gallery'), locales, jobs, build: !values['no-build'] };
}

/** Screenshots every column; the exit code (1 when a column failed). */
export async function runGallery({ outDir, locales, jobs }: GalleryOptions): Promise<number> {
  const started = Date.now();
  const browser = await launchChromium();
  const shots = new Map<string, Shot[]>();
  const failures: string[] = [];
  const queue = [...locales];
  await Promise.all(
    Array.from({ length: Math.min(jobs, queue.length) }, async () => {
      for (let locale = queue.shift(); locale; locale = queue.shift()) {
        const t = Date.now();
        try {
          const taken = await runLocale(browser, locale, outDir);
          shots.set(locale.id, taken);
          console.log(`l10n-gallery: ${locale.id}: ${taken.length} screenshots in ${((Date.now() - t) / 1000).toFixed(1)} s`);
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
  return failures.length ? 1 : 0;
}
