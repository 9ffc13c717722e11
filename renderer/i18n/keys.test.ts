// The source and the English files agree: every key the renderer (or the unlock program) uses exists, including every
// value of every dynamic key (error codes, steps, catalog apps, layouts, …), and no English key
// is left that nothing uses. The other languages are held to English by translations.test.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanKeyUsage } from '../../scripts/l10n/key-usage.mjs';
import { pluralParts, readLanguage } from '../../scripts/l10n/locale-tree';
import { DYNAMIC_KEYS, expandFamily } from './dynamic-keys';

const root = path.join(__dirname, '..', '..');
/** The renderer, and the unlock prompt's shared template and program (the `unlock` namespace). */
const usage = [path.join(root, 'renderer'), path.join(root, 'shared', 'unlock'), path.join(root, 'host', 'unlock')]
  .map((dir) => scanKeyUsage(root, dir))
  .reduce((all, u) => ({
    statics: [...all.statics, ...u.statics],
    dynamics: [...all.dynamics, ...u.dynamics],
    opaque: [...all.opaque, ...u.opaque],
  }));
const english = readLanguage(root, 'en');
/** English keys without plural suffixes: `done:vms_one` → `done:vms`. */
const englishBases = new Set([...english.keys()].map((k) => pluralParts(k).base));

/** Keys whose text is passed in from elsewhere, with where they come from. */
const OPAQUE_ALLOWED: Record<string, string> = {
  'reason.key': "validators' reasons: their `key: 'ns:key'` literals are scanned as static keys",
};

const toRegExp = (pattern: string) => new RegExp(`^${pattern.replace(/[.()]/g, '\\$&').replace(/\*/g, '[^]+')}$`);

describe('i18n keys in the source', () => {
  it('are found at all (the scanner works)', () => {
    expect(usage.statics.length).toBeGreaterThan(150);
    expect(usage.dynamics.length).toBeGreaterThan(20);
  });

  it('exist in English when static', () => {
    const missing = usage.statics.filter((u) => !englishBases.has(`${u.ns}:${u.key}`)).map((u) => `${u.ns}:${u.key} (${u.file}:${u.line})`);
    expect(missing).toEqual([]);
  });

  it('are enumerated when dynamic (renderer/i18n/dynamic-keys.ts)', () => {
    const listed = new Set(DYNAMIC_KEYS.map((f) => f.pattern));
    const unlisted = usage.dynamics
      .filter((d) => !listed.has(`${d.ns}:${d.pattern}`))
      .map((d) => `${d.ns}:${d.pattern} (${d.file}:${d.line})`);
    expect(unlisted).toEqual([]);
  });

  it('pass no key through an unknown variable', () => {
    expect(usage.opaque.filter((o) => !(o.text in OPAQUE_ALLOWED)).map((o) => `${o.text} (${o.file}:${o.line})`)).toEqual([]);
  });

  it('have English text for every value of every required dynamic key', () => {
    const missing = DYNAMIC_KEYS.filter((f) => f.required)
      .flatMap(expandFamily)
      .filter((k) => !englishBases.has(k));
    expect(missing).toEqual([]);
  });

  it('leave no English key unused', () => {
    const used = new Set(usage.statics.map((u) => `${u.ns}:${u.key}`));
    for (const f of DYNAMIC_KEYS) for (const k of expandFamily(f)) used.add(k);
    const families = DYNAMIC_KEYS.map((f) => toRegExp(f.pattern));
    const unused = [...englishBases].filter((k) => !used.has(k));
    // A key a family's pattern covers but whose value is not enumerated is unused too: say which.
    expect(unused.map((k) => (families.some((r) => r.test(k)) ? `${k} (not a known value)` : k))).toEqual([]);
  });
});
