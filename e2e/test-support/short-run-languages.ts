// Long scenarios repeated per language run these in `npm test` (left to right and right to left);
// the other languages' runs are tagged @l10n-long (e2e/README.md, "Language walks").
export const IN_NPM_TEST: ReadonlySet<string> = new Set(['en', 'fi', 'de', 'fr', 'ar']);

/** ' @l10n-long' for a language left out of `npm test`, to append to a scenario's title. */
export const longTag = (code: string): string => (IN_NPM_TEST.has(code) ? '' : ' @l10n-long');
