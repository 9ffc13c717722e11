// Reading locale files as flat key → text maps, with i18next v4 plural forms and {{placeholders}}
// told apart. Shared by the locale checks (vitest), the l10n e2e specs and the gallery.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLURAL_SUFFIX = new RegExp(`^(.*)_(${PLURAL_CATEGORIES.join('|')})$`);

/** @param {string} root */
export function localesDir(root) {
  return path.join(root, 'assets', 'locales');
}

/** Languages with a folder under assets/locales. @param {string} root */
export function localeLanguages(root) {
  return readdirSync(localesDir(root), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Namespaces (file names) of one language. @param {string} root @param {string} lang */
export function localeNamespaces(root, lang) {
  const dir = path.join(localesDir(root), lang);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
        .sort()
    : [];
}

/**
 * One namespace flattened: `a.b.c` → text. Values that are not strings are reported as
 * problems rather than dropped.
 * @param {unknown} tree
 * @returns {{ entries: Map<string, string>, problems: string[] }}
 */
export function flatten(tree) {
  /** @type {Map<string, string>} */
  const entries = new Map();
  /** @type {string[]} */
  const problems = [];
  /** @param {unknown} node @param {string} prefix */
  const walk = (node, prefix) => {
    if (typeof node === 'string') entries.set(prefix, node);
    else if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else problems.push(`${prefix}: not a string or an object`);
  };
  walk(tree, '');
  return { entries, problems };
}

/** @param {string} root @param {string} lang @param {string} ns @returns {Map<string, string>} */
export function readNamespace(root, lang, ns) {
  const file = path.join(localesDir(root), lang, `${ns}.json`);
  return flatten(JSON.parse(readFileSync(file, 'utf8'))).entries;
}

/** Every `ns:key` → text of a language. @param {string} root @param {string} lang */
export function readLanguage(root, lang) {
  /** @type {Map<string, string>} */
  const all = new Map();
  for (const ns of localeNamespaces(root, lang)) {
    for (const [k, v] of readNamespace(root, lang, ns)) all.set(`${ns}:${k}`, v);
  }
  return all;
}

/** `facts_one` → { base: 'facts', category: 'one' }; other keys have category null. @param {string} key */
export function pluralParts(key) {
  const m = PLURAL_SUFFIX.exec(key);
  return m ? { base: /** @type {string} */ (m[1]), category: /** @type {string} */ (m[2]) } : { base: key, category: null };
}

/**
 * Keys grouped by their base: `facts` → { facts_one: …, facts_other: … }; a plain key is its
 * own group with category null.
 * @param {Map<string, string>} entries
 * @returns {Map<string, Map<string | null, string>>}
 */
export function groupPlurals(entries) {
  /** @type {Map<string, Map<string | null, string>>} */
  const groups = new Map();
  for (const [key, text] of entries) {
    const { base, category } = pluralParts(key);
    const group = groups.get(base) ?? new Map();
    group.set(category, text);
    groups.set(base, group);
  }
  return groups;
}

/** Names in {{name}} or {{name, format}}. @param {string} text @returns {Set<string>} */
export function placeholders(text) {
  return new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => /** @type {string} */ (m[1])));
}
