// Checks a parsed answers payload, in this order: a secret field (`secret-field`), a field this
// version does not know (`unknown-field`), then the schema and the rules (`invalid-answers`).
// Every problem names its path and, when the caller can locate it in the text, its line.
import { isUnlockLayout } from '../keyboard/unlock-keymaps';
import type { Catalog } from '../plan/catalog';
import { jsonPointer } from '../plan/plan-schema';
import { describeProfileProblem, profileProblems } from '../plan/profiles';
import { alwaysMakesRecoveryKey } from '../plan/unlock-methods';
import type { AnswersFailure, AnswersProblem } from './answers-errors';
import { AnswersSchema, type Answers } from './answers-schema';
import { isFixed } from './answers-policy';
import { findSecretFields } from './secret-fields';

export type AnswersPath = readonly (string | number)[];
/** Where a path's value starts in the text, 1-based; undefined when it cannot be told. */
export type Locate = (path: AnswersPath) => { readonly line: number; readonly column: number } | undefined;

export type AnswersCheck = { readonly ok: true; readonly answers: Answers } | AnswersFailure;

interface RawProblem {
  readonly path: AnswersPath;
  readonly rule: string;
}

function located(raw: readonly RawProblem[], locate: Locate | undefined): AnswersProblem[] {
  return raw.slice(0, 32).map((p) => {
    // An unknown or missing field is reported at the nearest part of the text that exists.
    let at: ReturnType<Locate>;
    for (let n = p.path.length; n >= 0 && !at; n--) at = locate?.(p.path.slice(0, n));
    return { path: jsonPointer(p.path as PropertyKey[]), rule: p.rule, ...(at ? { line: at.line, column: at.column } : {}) };
  });
}

/** The rules beyond the shape: the unlock layout, the profile's app rules, the catalog, the USB stick, recovery keys and escrow. */
export function answersRuleProblems(a: Answers, catalog?: Catalog): RawProblem[] {
  const out: RawProblem[] = [];
  // The same rule as a plan's (docs/protocol.md §5.7): a layout the unlock prompt cannot load.
  if (a.keyboard && !isUnlockLayout(a.keyboard))
    out.push({ path: ['keyboard'], rule: 'no console keymap for this layout: the unlock prompt could not load it' });
  const seen = new Set<string>();
  (a.interactive ?? []).forEach((s, i) => {
    if (seen.has(s)) out.push({ path: ['interactive', i], rule: 'named twice' });
    seen.add(s);
  });
  if (a.apps) {
    const apps = new Set<string>();
    const kinds = catalog ? new Map(catalog.map((e) => [e.id, e.kind])) : null;
    a.apps.forEach((id, i) => {
      if (apps.has(id)) out.push({ path: ['apps', i], rule: 'the same app VM is named twice' });
      else if (kinds && kinds.get(id) !== 'app') out.push({ path: ['apps', i], rule: `"${id}" is not an app VM of the catalog` });
      apps.add(id);
    });
    if (!a.profile) out.push({ path: ['apps'], rule: 'apps need a profile: name the profile too' });
    else for (const p of profileProblems(a.profile, [...apps])) out.push({ path: ['apps'], rule: describeProfileProblem(p) });
    const fresh = new Set<string>();
    (a.startFresh ?? []).forEach((id, i) => {
      if (fresh.has(id)) out.push({ path: ['startFresh', i], rule: 'the same app VM is named twice' });
      else if (!apps.has(id)) out.push({ path: ['startFresh', i], rule: `"${id}" is not one of the apps: name it under apps too` });
      fresh.add(id);
    });
    if (isFixed(a, 'apps') && !isFixed(a, 'profile') && a.profile !== undefined) {
      out.push({
        path: ['interactive'],
        rule: 'apps cannot be fixed while the profile is asked: name apps as interactive too, or fix the profile',
      });
    }
  } else if (a.startFresh) out.push({ path: ['startFresh'], rule: 'startFresh names app VMs of apps: give apps too' });
  const usbStick = a.encryption?.usbStick;
  if (a.encryption?.method === 'usb-key' && (usbStick === undefined || (usbStick.label === undefined && usbStick.fsUuid === undefined))) {
    out.push({
      path: ['encryption', 'usbStick'],
      rule: 'usb-key needs the stick that takes the key file: give usbStick a label or fsUuid',
    });
  } else if (a.encryption && a.encryption.method !== 'usb-key' && usbStick !== undefined) {
    out.push({ path: ['encryption', 'usbStick'], rule: `only with method usb-key, not ${a.encryption.method}` });
  }
  if (a.encryption && !a.encryption.recoveryKey) {
    if (alwaysMakesRecoveryKey(a.encryption.method))
      out.push({ path: ['encryption', 'recoveryKey'], rule: `${a.encryption.method} always comes with a recovery key: set it to true` });
    else if (a.escrow) out.push({ path: ['encryption', 'recoveryKey'], rule: 'escrow needs a recovery key: set it to true' });
  }
  return out;
}

export function checkAnswers(value: unknown, options: { readonly locate?: Locate; readonly catalog?: Catalog } = {}): AnswersCheck {
  const { locate } = options;
  const secrets = findSecretFields(value);
  if (secrets.length > 0) {
    return {
      ok: false,
      code: 'secret-field',
      message: 'the answers file holds a passphrase, PIN or key; it must never hold a secret',
      problems: located(
        secrets.map((path) => ({ path, rule: 'a secret never belongs in an answers file' })),
        locate,
      ),
    };
  }
  const parsed = AnswersSchema.safeParse(value);
  if (!parsed.success) {
    const unknown: RawProblem[] = [];
    const other: RawProblem[] = [];
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) unknown.push({ path: [...path, key], rule: 'unknown field' });
      else other.push({ path, rule: issue.message });
    }
    if (unknown.length > 0)
      return {
        ok: false,
        code: 'unknown-field',
        message: 'the answers file has a field this version does not know',
        problems: located(unknown, locate),
      };
    return { ok: false, code: 'invalid-answers', message: 'the answers file breaks a rule', problems: located(other, locate) };
  }
  const rules = answersRuleProblems(parsed.data, options.catalog);
  if (rules.length > 0)
    return { ok: false, code: 'invalid-answers', message: 'the answers file breaks a rule', problems: located(rules, locate) };
  return { ok: true, answers: parsed.data };
}
