// The gallery's columns: every offered language, the pseudo-locale and the key-only view. A
// language is asked for as a system preference (the browser's locale), so even the first
// screens are in it; the reviewer views come from the preview URL's `lng` parameter.

/**
 * @typedef {{ id: string, label: string, browserLocale: string, lng: string | null, pick: string | undefined }} GalleryLocale
 *   pick: the language the walk chooses on Welcome (and whose keyboard types the passphrase)
 */

/** @type {GalleryLocale[]} */
export const GALLERY_LOCALES = [
  { id: 'en', label: 'English', browserLocale: 'en', lng: null, pick: 'en' },
  { id: 'fi', label: 'Suomi', browserLocale: 'fi', lng: null, pick: 'fi' },
  { id: 'de', label: 'Deutsch', browserLocale: 'de', lng: null, pick: 'de' },
  { id: 'fr', label: 'Français', browserLocale: 'fr', lng: null, pick: 'fr' },
  { id: 'ar', label: 'العربية', browserLocale: 'ar', lng: null, pick: 'ar' },
  { id: 'pseudo', label: 'pseudo (en-XA)', browserLocale: 'en', lng: 'pseudo', pick: undefined },
  { id: 'keys', label: 'keys', browserLocale: 'en', lng: 'keys', pick: undefined },
];

/** The column whose screenshots name the keys on screen. */
export const KEYS_LOCALE_ID = 'keys';
