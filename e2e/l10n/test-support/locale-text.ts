// Judging visible text against the locale files: raw i18n keys, English standing in where the
// language has its own text, and (pseudo-locale) text that did not come through i18next.
import { groupPlurals, readLanguage } from '../../../scripts/l10n/locale-tree';
import { root } from '../../../scripts/lib/processes';
import { PSEUDO_LOCALE } from '../../../renderer/i18n/languages';
import { NAMESPACES } from '../../../renderer/i18n/namespaces';
import type { TextLeaf } from './page-text';

/** `welcome:title`, `errors:code.busy`: a key with its namespace, as i18next shows a missing one. */
const NAMESPACED_KEY = new RegExp(`\\b(?:${NAMESPACES.join('|')}):[A-Za-z0-9_.()-]+`);
/** A whole text that is a bare dotted key (`waiting.title`), as i18next shows a missing key without namespace. */
const BARE_KEY = /^[a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_()-]+)+$/;

export function rawKeys(leaves: readonly TextLeaf[]): string[] {
  return leaves.filter((l) => NAMESPACED_KEY.test(l.text) || BARE_KEY.test(l.text)).map((l) => `${l.where}: ${l.text}`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English texts (as patterns, placeholders as wildcards) of the keys where `lang` says something else. */
export function englishOnlyPatterns(lang: string): RegExp[] {
  const en = groupPlurals(readLanguage(root, 'en'));
  const local = groupPlurals(readLanguage(root, lang));
  const own = new Set([...local.values()].flatMap((forms) => [...forms.values()]));
  const patterns: RegExp[] = [];
  for (const forms of en.values()) {
    for (const text of forms.values()) {
      if (own.has(text)) continue;
      const parts = text.split(/\{\{[^}]*\}\}/).map(escape);
      patterns.push(new RegExp(`^${parts.join('.+?')}$`, 's'));
    }
  }
  return patterns;
}

/** Visible texts that are English although the page is in `lang` (data marked lang="en" aside). */
export function englishFallbacks(leaves: readonly TextLeaf[], lang: string, patterns: readonly RegExp[]): string[] {
  return leaves.filter((l) => l.lang !== 'en' && patterns.some((p) => p.test(l.text))).map((l) => `${l.where}: ${l.text}`);
}

/**
 * In the pseudo-locale every translated text is bracketed; a text with words of plain ASCII
 * letters and no bracket did not come through i18next. Only text in the page's language is
 * judged: data is marked lang="en" (recovery key, log, plan) and each language's own name
 * carries its own lang; the simulated keys' names come from the sandbox, and short tokens
 * such as units ("GB") pass.
 */
export function notPseudo(leaves: readonly TextLeaf[]): string[] {
  return leaves
    .filter((l) => l.lang === PSEUDO_LOCALE && !l.where.includes('device-name') && !l.text.includes('[') && /[A-Za-z]{3}/.test(l.text))
    .map((l) => `${l.where}: ${l.text}`);
}
