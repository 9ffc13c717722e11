// App ids and the names the wizard shows for them (English), for scenarios that pick apps by
// name and check the disk by id.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../../scripts/lib/processes';

export type Profile = 'minimal' | 'common' | 'power';

/** What each profile selects from the built-in catalog before the person changes anything. */
export const PRESET_APPS: Readonly<Record<Profile, readonly string[]>> = {
  minimal: [],
  common: ['browser', 'editor', 'terminal'],
  power: ['browser', 'editor', 'terminal', 'nixos'],
};

interface CatalogEntry {
  readonly id: string;
  readonly name: string;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;
}

/** The English name shown for an app: the wizard's translation, else the catalog's name. */
export function appName(id: string): string {
  const english = readJson<{ app: Record<string, { name?: string } | string> }>('assets/locales/en/catalog.json').app[id];
  if (typeof english === 'object' && english.name) return english.name;
  const entry = readJson<CatalogEntry[]>('assets/catalog.json').find((e) => e.id === id);
  if (!entry) throw new Error(`no app ${id} in the catalog`);
  return entry.name;
}
