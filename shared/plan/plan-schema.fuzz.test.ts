// Property tests of the plan validator: random JSON and mutations of a valid plan never make it
// throw, and every refusal is a defined code with JSON-pointer details.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import catalogJson from '../../assets/catalog.json';
import { CatalogSchema } from './catalog';
import { validatePlan, type PlanCheck } from './plan-schema';

const catalog = CatalogSchema.parse(catalogJson);
const SPACE = 64 * 1024 ** 3;

const VALID = {
  schema: 1,
  installId: 'AAAAAAAAAAAAAAAAAAAAAA',
  session: 'BBBBBBBBBBBBBBBBBBBBBA',
  nonce: 'CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCA',
  createdAt: '2026-11-25T10:00:00.000Z',
  locale: 'fi',
  keyboard: { layout: 'fi', variant: '' },
  accessibility: { highContrast: false, largeText: false, reduceMotion: false, screenReader: false },
  profile: 'common',
  vms: { system: ['guivm', 'netvm', 'usbvm'], apps: ['browser', 'editor', 'terminal'] },
  encryption: {
    method: 'passphrase',
    recoveryKey: true,
    fido2: null,
    sealed: { enc: 'DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDA', ct: 'EEEE' },
  },
};

function checkDefined(result: PlanCheck): void {
  if (result.ok) return;
  expect(['invalid-plan', 'insufficient-space']).toContain(result.code);
  expect(result.details.length).toBeGreaterThan(0);
  for (const d of result.details) {
    expect(d.path === '' || d.path.startsWith('/')).toBe(true);
    expect(typeof d.problem).toBe('string');
  }
}

/** Every JSON pointer into VALID, for targeted mutations. */
function pointers(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => pointers((value as Record<string, unknown>)[k], [...prefix, k]))];
}
const PATHS = pointers(VALID).filter((p) => p.length > 0);

function mutate(path: string[], replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(VALID) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (remove) delete node[last];
  else node[last] = replacement;
  return copy;
}

describe('validatePlan properties', () => {
  it('accepts the valid plan', () => {
    expect(validatePlan(VALID, catalog, SPACE).ok).toBe(true);
  });

  it('never throws on random JSON, and refuses with a defined code', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = validatePlan(value, catalog, SPACE);
        expect(result.ok).toBe(false);
        checkDefined(result);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on any value at any place of a valid plan, and names the place', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PATHS),
        fc.anything({ maxDepth: 2 }),
        fc.boolean(),
        fc.nat(SPACE * 2),
        (path, replacement, remove, space) => {
          const result = validatePlan(mutate(path, replacement, remove), catalog, space);
          checkDefined(result);
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('refuses app ids outside the catalog, duplicates and profile breaches at their index', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...catalog.map((c) => c.id)), fc.string({ maxLength: 10 })), { maxLength: 8 }),
        fc.constantFrom('minimal', 'common', 'power'),
        (apps, profile) => {
          const result = validatePlan({ ...VALID, profile, vms: { ...VALID.vms, apps } }, catalog, SPACE);
          checkDefined(result);
          if (!result.ok) for (const d of result.details) expect(d.path).toMatch(/^\/vms(\/apps(\/\d+)?)?$/);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
