// What an answers file means for first boot: which sections are fixed, whether the recovery key
// is shown, whether nobody needs to be at the keyboard, and whether a plan follows the file.
// The wizard uses these to skip pages and run unattended; the helper to refuse a plan that
// strays from the organization's fixed choices.
import type { Choices } from '../plan/choices';
import type { PlanPayload, PlanProblem } from '../plan/plan-schema';
import { UNLOCK_METHODS, makesRecoveryKey } from '../plan/unlock-methods';
import { ANSWER_SECTIONS, type AnswerSection } from './answer-sections';
import type { Answers, AnswersUsbStick } from './answers-schema';

/** A section is fixed when the file gives it and does not name it `interactive`. */
export function isFixed(answers: Answers, section: AnswerSection): boolean {
  if (answers.interactive?.includes(section)) return false;
  // The minimal profile has no app VMs: nothing is left to ask.
  if (section === 'apps') return answers.apps !== undefined || (answers.profile === 'minimal' && isFixed(answers, 'profile'));
  return answers[section] !== undefined;
}

export function fixedSections(answers: Answers): AnswerSection[] {
  return ANSWER_SECTIONS.filter((s) => isFixed(answers, s));
}

/** Whether the plan will carry a recovery key, as far as the file decides it. */
export function answersMakeRecoveryKey(answers: Answers): boolean | null {
  if (!answers.encryption) return answers.escrow ? true : null;
  return makesRecoveryKey(answers.encryption);
}

/**
 * The recovery key is shown to the person (to write down and type back) unless the encryption
 * is fixed and the key is escrowed: then the organization holds it and nobody needs to see it.
 */
export function recoveryKeyShown(answers: Answers): boolean {
  return !(isFixed(answers, 'encryption') && answers.escrow !== undefined);
}

/**
 * Whether first boot can run to Done with nobody at the keyboard: every section fixed, a method
 * that needs no typed secret, and a recovery key (if one is made) escrowed rather than shown.
 * For a method whose secret depends on the device (a FIDO2 key with a PIN), the wizard still
 * checks the device it finds.
 */
export function canRunUnattended(answers: Answers): boolean {
  if (!ANSWER_SECTIONS.every((s) => isFixed(answers, s)) || !answers.encryption) return false;
  if (UNLOCK_METHODS[answers.encryption.method].personSecret === 'always') return false;
  return !answersMakeRecoveryKey(answers) || !recoveryKeyShown(answers);
}

/** The USB stick the answers name for the key file, when they fix the encryption to `usb-key`. */
export function answersUsbStick(answers: Answers): AnswersUsbStick | null {
  if (!isFixed(answers, 'encryption') || answers.encryption?.method !== 'usb-key') return null;
  return answers.encryption.usbStick ?? null;
}

/** Whether a stick the helper lists is the one named: every name given matches, labels without regard to case. */
export function isNamedStick(named: AnswersUsbStick, stick: { readonly label: string | null; readonly fsUuid: string | null }): boolean {
  const same = (want: string | undefined, have: string | null) =>
    want === undefined || (have !== null && want.toLowerCase() === have.toLowerCase());
  return same(named.label, stick.label) && same(named.fsUuid, stick.fsUuid);
}

/** How the answers name a stick, for messages: `label "SPECTRUM-KEY"`, `file system 26A1-B09E`. */
export function describeNamedStick(named: AnswersUsbStick): string {
  return [named.label !== undefined ? `label "${named.label}"` : null, named.fsUuid !== undefined ? `file system ${named.fsUuid}` : null]
    .filter(Boolean)
    .join(' and ');
}

/** The choices an answers file gives, for pre-filling (fixed or not). */
export function answersChoices(answers: Answers): Partial<Choices> {
  const out: { -readonly [K in keyof Choices]?: Choices[K] } = {};
  if (answers.locale !== undefined) out.locale = answers.locale;
  if (answers.keyboard) out.keyboard = { ...answers.keyboard };
  if (answers.accessibility) out.accessibility = { ...answers.accessibility };
  if (answers.profile) out.profile = answers.profile;
  if (answers.apps) {
    out.apps = [...answers.apps];
    out.transientApps = [...(answers.startFresh ?? [])];
  } else if (answers.profile === 'minimal') out.apps = [];
  if (answers.encryption) {
    const { method } = answers.encryption;
    out.encryption = { method, recoveryKey: makesRecoveryKey(answers.encryption) || answers.escrow !== undefined };
  }
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** Where a plan departs from the fixed sections of the answers it names (empty: it follows them). */
export function planAnswersProblems(plan: PlanPayload, answers: Answers): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const fixed = (s: AnswerSection) => isFixed(answers, s);
  const differs = (path: string, what: string) => problems.push({ path, problem: `differs from the answers file, which fixes ${what}` });
  if (fixed('locale') && plan.locale !== answers.locale) differs('/locale', 'the language');
  if (fixed('keyboard') && (plan.keyboard.layout !== answers.keyboard?.layout || plan.keyboard.variant !== answers.keyboard?.variant))
    differs('/keyboard', 'the keyboard');
  if (fixed('accessibility') && answers.accessibility) {
    for (const k of Object.keys(answers.accessibility) as (keyof typeof answers.accessibility)[]) {
      if (plan.accessibility[k] !== answers.accessibility[k]) differs(`/accessibility/${k}`, 'accessibility');
    }
  }
  if (fixed('profile') && plan.profile !== answers.profile) differs('/profile', 'the profile');
  if (fixed('apps')) {
    const apps = answers.apps ?? [];
    const keeping = apps.filter((id) => !(answers.startFresh ?? []).includes(id));
    if (!sameSet(plan.vms.apps, apps)) differs('/vms/apps', 'the app VMs');
    else if (!sameSet(plan.vms.persistent ?? plan.vms.apps, keeping)) differs('/vms/persistent', 'which app VMs keep their files');
  }
  if (fixed('encryption') && answers.encryption) {
    if (plan.encryption.method !== answers.encryption.method) differs('/encryption/method', 'the unlock method');
    else if (plan.encryption.recoveryKey !== answersMakeRecoveryKey(answers))
      differs('/encryption/recoveryKey', 'whether a recovery key is made');
  }
  if (answers.escrow && !plan.encryption.recoveryKey) {
    problems.push({ path: '/encryption/recoveryKey', problem: 'must be true: the answers file escrows recovery keys' });
  }
  return problems;
}
