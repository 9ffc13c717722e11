// The gallery's columns: every offered language (assets/locales/languages.json, with its review
// status from review-status.json), the pseudo-locale and the key-only view. A language is asked
// for as a system preference (the browser's locale), so even the first screens are in it; the
// reviewer views come from the preview URL's `lng` parameter.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { localesDir } from '../locale-tree';
import { root } from '../../lib/processes';

/**
 * @typedef {{ status: string, note: string }} ReviewStatus
 * @typedef {{ id: string, label: string, lang: string, dir: 'ltr' | 'rtl', browserLocale: string, lng: string | null, pick: string | undefined, review: ReviewStatus }} GalleryLocale
 *   pick: the language the walk chooses on Welcome (and whose keyboard types the passphrase)
 */

/** @param {string} file */
const readJson = (file) => JSON.parse(readFileSync(path.join(localesDir(root), file), 'utf8'));

/** @type {{ code: string, nativeName: string, dir: 'ltr' | 'rtl' }[]} */
const languages = readJson('languages.json');
/** @type {Record<string, ReviewStatus>} */
const reviewStatus = readJson('review-status.json');
const REVIEWER_VIEW = { status: 'reviewer view', note: 'Made from English at run time.' };

/** @type {GalleryLocale[]} */
export const GALLERY_LOCALES = [
  ...languages.map((l) => ({
    id: l.code,
    label: l.nativeName,
    lang: l.code,
    dir: l.dir,
    browserLocale: l.code,
    lng: null,
    pick: l.code,
    review: reviewStatus[l.code] ?? { status: 'unknown', note: 'No entry in review-status.json.' },
  })),
  {
    id: 'pseudo',
    label: 'pseudo (en-XA)',
    lang: 'en',
    dir: /** @type {const} */ ('ltr'),
    browserLocale: 'en',
    lng: 'pseudo',
    pick: undefined,
    review: REVIEWER_VIEW,
  },
  {
    id: 'keys',
    label: 'keys',
    lang: 'en',
    dir: /** @type {const} */ ('ltr'),
    browserLocale: 'en',
    lng: 'keys',
    pick: undefined,
    review: REVIEWER_VIEW,
  },
];

/** The column whose screenshots name the keys on screen. */
export const KEYS_LOCALE_ID = 'keys';
