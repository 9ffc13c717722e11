// A wizard text in a given language, read from the locale files the wizard uses, with its
// {{placeholders}} filled in as the wizard fills them (isolated in a right-to-left language,
// ADR 046): for scenarios that check what a person reads in every language.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../../scripts/lib/processes';
import { ISOLATE_END, ISOLATE_START } from '../../renderer/i18n/intl-formatter';
import { directionOf } from '../../renderer/i18n/languages';

export function localeText(lang: string, key: string, values: Record<string, string> = {}): string {
  const [ns, dotted] = key.split(':') as [string, string];
  const tree = JSON.parse(readFileSync(path.join(root, 'assets', 'locales', lang, `${ns}.json`), 'utf8')) as Record<string, unknown>;
  const found = dotted.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
  if (typeof found !== 'string') throw new Error(`no text ${key} in ${lang}`);
  const isolate = (v: string) => (directionOf(lang) === 'rtl' ? `${ISOLATE_START}${v}${ISOLATE_END}` : v);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (values[name] === undefined ? `{{${name}}}` : isolate(values[name])));
}
