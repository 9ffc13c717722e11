// Where translations come from. English is bundled into the first chunk (it is the fallback
// for every key and what the wizard starts in); every other language is a separate chunk per
// namespace, fetched when a person switches to it (ADR 030).
import type { ResourceKey } from 'i18next';
import { DEFAULT_LANGUAGE } from './languages';

type JsonModule = Record<string, ResourceKey>;

const english = import.meta.glob<JsonModule>('../../assets/locales/en/*.json', { eager: true, import: 'default' });
const others = import.meta.glob<JsonModule>(['../../assets/locales/*/*.json', '!../../assets/locales/en/*.json'], { import: 'default' });

function fileOf(lang: string, ns: string): string {
  return `../../assets/locales/${lang}/${ns}.json`;
}

/** English resources, keyed by namespace, available synchronously. */
export function bundledEnglish(): Record<string, JsonModule> {
  const out: Record<string, JsonModule> = {};
  for (const [path, data] of Object.entries(english)) {
    const ns = /\/([^/]+)\.json$/.exec(path)?.[1];
    if (ns) out[ns] = data;
  }
  return out;
}

/** One language's namespace, or null when that language has no file for it yet. */
export async function loadLocaleFile(lang: string, ns: string): Promise<JsonModule | null> {
  if (lang === DEFAULT_LANGUAGE) return bundledEnglish()[ns] ?? null;
  const load = others[fileOf(lang, ns)];
  return load ? load() : null;
}
