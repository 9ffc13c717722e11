// The VM catalog offered in `hello`: the one built from assets/catalog.json, or a file given on
// the command line. Validated like anything crossing a boundary; a bad catalog stops start-up.
import { readFileSync } from 'node:fs';
import builtIn from '../../assets/catalog.json';
import { CatalogSchema, type Catalog } from '../../shared/plan/catalog';
import { SYSTEM_VMS } from '../../shared/plan/profiles';

export class CatalogError extends Error {}

export function checkCatalog(value: unknown, source: string): Catalog {
  const parsed = CatalogSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CatalogError(`${source}: not a valid catalog (${issue ? `/${issue.path.join('/')}: ${issue.message}` : 'invalid'})`);
  }
  const seen = new Set<string>();
  for (const entry of parsed.data) {
    if (seen.has(entry.id)) throw new CatalogError(`${source}: duplicate id ${entry.id}`);
    seen.add(entry.id);
  }
  for (const id of SYSTEM_VMS) {
    if (!parsed.data.some((e) => e.id === id && e.kind === 'system')) throw new CatalogError(`${source}: system VM ${id} is missing`);
  }
  return parsed.data;
}

export function loadCatalog(file?: string): Catalog {
  if (file === undefined) return checkCatalog(builtIn, 'assets/catalog.json');
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CatalogError(`${file}: cannot read a JSON catalog (${(e as Error).message})`);
  }
  return checkCatalog(value, file);
}
