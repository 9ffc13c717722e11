// Reading locale files as flat key → text maps, with i18next v4 plural forms and {{placeholders}}
// told apart. Shared by the locale checks (vitest), the l10n e2e specs, the fonts and the gallery.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const PLURAL_SUFFIX = new RegExp(`^(.*)_(${PLURAL_CATEGORIES.join('|')})$`);

export function localesDir(root: string): string {
  return path.join(root, 'assets', 'locales');
}

/** Languages with a folder under assets/locales. */
export function localeLanguages(root: string): string[] {
  return readdirSync(localesDir(root), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Namespaces (file names) of one language. */
export function localeNamespaces(root: string, lang: string): string[] {
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
 */
export function flatten(tree: unknown): { entries: Map<string, string>; problems: string[] } {
  const entries = new Map<string, string>();
  const problems: string[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === 'string') entries.set(prefix, node);
    else if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else problems.push(`${prefix}: not a string or an object`);
  };
  walk(tree, '');
  return { entries, problems };
}

export function readNamespace(root: string, lang: string, ns: string): Map<string, string> {
  const file = path.join(localesDir(root), lang, `${ns}.json`);
  return flatten(JSON.parse(readFileSync(file, 'utf8'))).entries;
}

/** Every `ns:key` → text of a language. */
export function readLanguage(root: string, lang: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const ns of localeNamespaces(root, lang)) {
    for (const [k, v] of readNamespace(root, lang, ns)) all.set(`${ns}:${k}`, v);
  }
  return all;
}

/** `facts_one` → { base: 'facts', category: 'one' }; other keys have category null. */
export function pluralParts(key: string): { base: string; category: string | null } {
  const m = PLURAL_SUFFIX.exec(key);
  return m ? { base: m[1] as string, category: m[2] as string } : { base: key, category: null };
}

/**
 * Keys grouped by their base: `facts` → { facts_one: …, facts_other: … }; a plain key is its
 * own group with category null.
 */
export function groupPlurals(entries: Map<string, string>): Map<string, Map<string | null, string>> {
  const groups = new Map<string, Map<string | null, string>>();
  for (const [key, text] of entries) {
    const { base, category } = pluralParts(key);
    const group = groups.get(base) ?? new Map<string | null, string>();
    group.set(category, text);
    groups.set(base, group);
  }
  return groups;
}

/** Names in {{name}} or {{name, format}}. */
export function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1] as string));
}
