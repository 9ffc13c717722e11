// Pure page validators: can a person continue from this page, and if not, why. Each reason is
// an i18n key with values, so the page can say exactly what is missing.
import { NIXOS_APP, profileProblems, type ProfileProblem } from '../../shared/plan/profiles';
import { isRecoveryKey } from '../../shared/plan/recovery-key';
import {
  PASSPHRASE_MAX_CODE_POINTS,
  PASSPHRASE_MIN_CODE_POINTS,
  controlCharacters,
  passphraseProblem,
} from '../../shared/plan/secret-policy';
import { findLanguage } from '../i18n/languages';
import { findLayout, untypeableChars } from './keyboard-layouts';
import { wizardPages } from './answers';
import { type WizardPage } from './pages';
import { makesRecoveryKey } from '../../shared/plan/unlock-methods';
import { catalogApps, selectionBytes } from './presets';
import type { UnattendedStatus, WizardData } from './types';
import { choosable, namedStickOf } from './usb-sticks';

export interface Reason {
  /** i18n key with namespace, e.g. `encryption:cannotContinue.tooShort`. */
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
  /** The id of the form control the reason is about, for aria-describedby and focus. */
  readonly field?: string;
}

export interface Validation {
  readonly ok: boolean;
  readonly reasons: readonly Reason[];
}

type Input = Pick<WizardData, 'choices' | 'secrets' | 'fido2' | 'boot'> &
  Partial<Pick<WizardData, 'usb'>> & { readonly unattended?: UnattendedStatus };

const result = (reasons: Reason[]): Validation => ({ ok: reasons.length === 0, reasons });

export function validateWelcome({ choices }: Input): Validation {
  const reasons: Reason[] = [];
  if (!findLanguage(choices.locale)) reasons.push({ key: 'welcome:cannotContinue.language', field: 'language' });
  if (!findLayout(choices.keyboard)) reasons.push({ key: 'welcome:cannotContinue.keyboard', field: 'keyboard-layout' });
  return result(reasons);
}

export function validateProfile({ choices }: Input): Validation {
  return result(choices.profile ? [] : [{ key: 'profile:cannotContinue.choose', field: 'profile-minimal' }]);
}

export function profileReason(problem: ProfileProblem): Reason {
  switch (problem.kind) {
    case 'minimal-has-apps':
      return { key: 'apps:cannotContinue.minimalHasApps' };
    case 'browser-missing':
      return { key: 'apps:cannotContinue.browserMissing', field: 'app-browser' };
    case 'too-few-apps':
      return { key: 'apps:cannotContinue.tooFew', values: { min: problem.min, count: problem.count } };
    case 'too-many-apps':
      return { key: 'apps:cannotContinue.tooMany', values: { max: problem.max, count: problem.count } };
    case 'nixos-missing':
      return { key: 'apps:cannotContinue.nixosMissing', field: `app-${NIXOS_APP}` };
    case 'nixos-not-allowed':
      return { key: 'apps:cannotContinue.nixosNotAllowed', field: `app-${NIXOS_APP}` };
  }
}

export function validateApps({ choices, boot }: Input): Validation {
  if (!choices.profile) return result([{ key: 'profile:cannotContinue.choose' }]);
  const helper = boot.helper;
  if (!helper) return result([{ key: 'apps:cannotContinue.noCatalog' }]);
  const reasons: Reason[] = profileProblems(choices.profile, choices.apps).map(profileReason);
  const known = new Set(catalogApps(helper.catalog));
  for (const id of choices.apps) {
    if (!known.has(id)) reasons.push({ key: 'apps:cannotContinue.unknownApp', values: { id } });
  }
  const need = selectionBytes(helper.catalog, choices.apps);
  if (need > helper.machine.userDataBytes) {
    reasons.push({ key: 'apps:cannotContinue.noSpace', values: { need, have: helper.machine.userDataBytes } });
  }
  return result(reasons);
}

/** Passphrase characters the unlock prompt's layout cannot type (empty when the layout is unknown). */
export function passphraseUntypeable(input: Pick<Input, 'choices' | 'secrets'>): string[] {
  const layout = findLayout(input.choices.keyboard);
  // Control characters are refused by the shared policy whatever the layout (secret-policy.ts).
  const chars = layout ? untypeableChars(input.secrets.passphrase, layout) : [];
  return [...new Set([...chars, ...controlCharacters(input.secrets.passphrase)])];
}

/** The rehearsal confirms the passphrase: it matches, and the unlock layout can type it. */
export function rehearsalConfirms(input: Pick<Input, 'choices' | 'secrets'>): boolean {
  const { passphrase, rehearsal } = input.secrets;
  return rehearsal.length > 0 && rehearsal === passphrase && passphraseUntypeable(input).length === 0;
}

/**
 * The lowest estimator score (zxcvbn: 0 too guessable … 4 very unguessable) accepted for the
 * passphrase that guards all user data: 2 resists an online attack by a wide margin and, behind
 * argon2id, an offline one for a long time; 0 and 1 are dictionary words and their variants.
 */
export const MIN_PASSPHRASE_SCORE = 2;
export const STRENGTH_PENDING_REASON = 'encryption:cannotContinue.strengthPending';

function strengthReasons({ passphraseRevision, passphraseStrength }: Input['secrets']): Reason[] {
  if (passphraseStrength?.revision !== passphraseRevision)
    return [{ key: 'encryption:cannotContinue.strengthPending', field: 'passphrase' }];
  if (passphraseStrength.score < MIN_PASSPHRASE_SCORE) return [{ key: 'encryption:cannotContinue.tooWeak', field: 'passphrase' }];
  return [];
}

function validatePassphrase(input: Input): Reason[] {
  const { passphrase, rehearsal } = input.secrets;
  const reasons: Reason[] = [];
  const problem = passphraseProblem(passphrase);
  if (problem === 'too-short')
    reasons.push({ key: 'encryption:cannotContinue.tooShort', values: { min: PASSPHRASE_MIN_CODE_POINTS }, field: 'passphrase' });
  if (problem === 'too-long')
    reasons.push({ key: 'encryption:cannotContinue.tooLong', values: { max: PASSPHRASE_MAX_CODE_POINTS }, field: 'passphrase' });
  if (problem === null) reasons.push(...strengthReasons(input.secrets));
  const untypeable = passphraseUntypeable(input);
  if (untypeable.length > 0) {
    reasons.push({
      key: 'encryption:cannotContinue.untypeable',
      values: { chars: untypeable.join(' '), count: untypeable.length },
      field: 'passphrase',
    });
  }
  if (rehearsal !== passphrase) reasons.push({ key: 'encryption:cannotContinue.rehearsalMismatch', field: 'rehearsal' });
  return reasons;
}

function validateFido2({ fido2 }: Input): Reason[] {
  if (!fido2.enrollment) return [{ key: 'encryption:cannotContinue.fido2NotEnrolled', field: 'fido2-enroll' }];
  if (!fido2.enrollment.verified) return [{ key: 'encryption:cannotContinue.fido2NotVerified', field: 'fido2-enroll' }];
  return [];
}

/** A stick is picked and, as far as the last listing shows, still plugged in and able to take the key. */
function validateUsbKey({ choices, usb, boot }: Input): Reason[] {
  const chosen = choices.encryption.usbKey;
  if (!chosen) return [{ key: 'encryption:cannotContinue.usbNotChosen', field: 'usb-drives' }];
  const named = namedStickOf(boot);
  const drive = usb?.drives.find((d) => d.id === chosen.stick);
  // A stick chosen before the answers arrived, and not the one they name, is chosen again.
  if (named && drive && !choosable(drive, named)) return [{ key: 'encryption:cannotContinue.usbNotChosen', field: 'usb-drives' }];
  if (usb?.scanned && !usb.drives.some((d) => d.id === chosen.stick && d.fsUuid === chosen.fsUuid && d.problem === null)) {
    return [{ key: 'encryption:cannotContinue.usbGone', field: 'usb-drives' }];
  }
  return [];
}

export function validateEncryption(input: Input): Validation {
  const method = input.choices.encryption.method;
  if (method === null) return result([{ key: 'encryption:cannotContinue.chooseMethod', field: 'method-passphrase' }]);
  if (method === 'usb-key') return result(validateUsbKey(input));
  return result(method === 'passphrase' ? validatePassphrase(input) : validateFido2(input));
}

/** The group of the recovery key the person is asked to type back. */
export function recoveryGroupText(recoveryKey: string, group: number): string {
  return recoveryKey.split('-')[group] ?? '';
}

export function validateRecovery({ choices, secrets }: Input): Validation {
  if (!makesRecoveryKey(choices.encryption)) return result([]);
  if (!secrets.recoveryKey || !isRecoveryKey(secrets.recoveryKey)) return result([{ key: 'recovery:cannotContinue.noKey' }]);
  const typed = secrets.recoveryConfirm.toLowerCase().replace(/[^a-z]/g, '');
  const expected = recoveryGroupText(secrets.recoveryKey, secrets.recoveryGroup);
  if (typed.length === 0)
    return result([
      { key: 'recovery:cannotContinue.confirmEmpty', values: { group: secrets.recoveryGroup + 1 }, field: 'recovery-confirm' },
    ]);
  if (typed !== expected)
    return result([
      { key: 'recovery:cannotContinue.confirmMismatch', values: { group: secrets.recoveryGroup + 1 }, field: 'recovery-confirm' },
    ]);
  return result([]);
}

const VALIDATORS: Record<WizardPage, (input: Input) => Validation> = {
  welcome: validateWelcome,
  profile: validateProfile,
  apps: validateApps,
  encryption: validateEncryption,
  recovery: validateRecovery,
  summary: (input) => {
    const blocked = firstInvalidPage(input, 'summary');
    return result(blocked ? [{ key: 'summary:cannotContinue.incomplete', values: { page: blocked } }] : []);
  },
};

export function validatePage(page: WizardPage, input: Input): Validation {
  return VALIDATORS[page](input);
}

/** The first active page before `upTo` that does not validate, or null when all do. */
export function firstInvalidPage(input: Input, upTo: WizardPage): WizardPage | null {
  for (const page of wizardPages(input)) {
    if (page === upTo) return null;
    if (!VALIDATORS[page](input).ok) return page;
  }
  return null;
}
