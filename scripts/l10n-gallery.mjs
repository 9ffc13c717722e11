// `npm run l10n:gallery`: screenshots of every page and main state (errors, FIDO2 prompts, the
// install, its failure, the end, the wait for the helper, the fatal screen) in every locale,
// through the browser preview with real sandbox helpers, and an index.html contact sheet.
//   node scripts/l10n-gallery.mjs [--out DIR] [--locales en,fi,…,pseudo,keys] [--jobs N] [--no-build] [--help]
// Default folder: l10n-gallery/ (gitignored); it prints where it wrote. The gallery itself is
// TypeScript (scripts/l10n/gallery/gallery.ts), bundled and run by scripts/lib/typescript.mjs.
import { build, ensureNodePackages, ensureSystemPackages } from './lib/setup.mjs';
import { importTypeScript } from './lib/typescript.mjs';

ensureNodePackages();
/** @type {typeof import('./l10n/gallery/gallery')} */
const gallery = await importTypeScript('scripts/l10n/gallery/gallery.ts');
const options = gallery.parseGalleryOptions(process.argv.slice(2));
if (typeof options === 'number') process.exit(options);
ensureSystemPackages(['chromium', 'cryptsetup-bin', 'socat']);
if (options.build) build();
process.exit(await gallery.runGallery(options));
