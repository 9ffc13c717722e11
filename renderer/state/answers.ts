// The organization's answers file as the wizard uses it (docs/decisions/091-unattended-first-boot.md):
// fixed sections are filled in and not asked, pages with nothing left to ask are skipped, and
// the Summary says "Set by <organization>" where the answers decided.
import { answersChoices, isFixed, recoveryKeyShown } from '../../shared/answers/answers-policy';
import type { AnswerSection, Answers } from '../../shared/answers/answers-schema';
import { NIXOS_APP } from '../../shared/plan/profiles';
import { activePages, type WizardPage } from './pages';
import { makesRecoveryKey } from '../../shared/plan/unlock-methods';
import type { BootState, DraftChoices, UnattendedStatus, WizardData } from './types';

/** The answers the helper offers, when it offers (and did not refuse) a file. */
export function offeredAnswers(boot: Pick<BootState, 'helper'>): Answers | null {
  const offer = boot.helper?.answers;
  return offer?.status === 'offered' ? offer.answers : null;
}

/** The code of a refused answers file, for the notice that says so. */
export function refusedAnswersCode(boot: Pick<BootState, 'helper'>): string | null {
  const offer = boot.helper?.answers;
  return offer?.status === 'refused' ? offer.code : null;
}

/** The organization that fixed a section, or null when the person decides it. */
export function setBy(boot: Pick<BootState, 'helper'>, section: AnswerSection): string | null {
  const answers = offeredAnswers(boot);
  return answers && isFixed(answers, section) ? answers.organization : null;
}

/** The organization, when it alone keeps this machine's recovery key (nobody is shown it). */
export function recoveryEscrowedOnly(state: Pick<WizardData, 'boot' | 'choices'>): string | null {
  const answers = offeredAnswers(state.boot);
  return answers && !recoveryKeyShown(answers) && makesRecoveryKey(state.choices.encryption) ? answers.organization : null;
}

const PAGE_SECTIONS: Partial<Record<WizardPage, readonly AnswerSection[]>> = {
  welcome: ['locale', 'keyboard', 'accessibility'],
  profile: ['profile'],
  apps: ['apps'],
};

/** Whether the answers leave nothing on this page to ask. */
export function pageSetByAnswers(page: WizardPage, answers: Answers, unattended: UnattendedStatus): boolean {
  if (page === 'recovery') return !recoveryKeyShown(answers);
  // The unlock method's own setup (a passphrase typed, a key touched) is the person's, unless an
  // unattended run is doing it.
  if (page === 'encryption') return isFixed(answers, 'encryption') && unattended === 'running';
  const sections = PAGE_SECTIONS[page];
  return sections !== undefined && sections.every((s) => isFixed(answers, s));
}

/** The wizard pages a person walks through, in order, with the answers taken into account. */
export function wizardPages(state: Pick<WizardData, 'choices' | 'boot'> & { readonly unattended?: UnattendedStatus }): WizardPage[] {
  const pages = activePages(state.choices.encryption);
  const answers = offeredAnswers(state.boot);
  if (!answers) return pages;
  return pages.filter((p) => !pageSetByAnswers(p, answers, state.unattended ?? 'off'));
}

/**
 * Choices with the answers applied: fixed sections always take the organization's value; the
 * values of interactive sections only pre-fill a wizard that has nothing saved yet.
 */
export function choicesWithAnswers(choices: DraftChoices, answers: Answers, fresh: boolean): DraftChoices {
  const given = answersChoices(answers);
  const take = (s: AnswerSection) => isFixed(answers, s) || fresh;
  const next: { -readonly [K in keyof DraftChoices]: DraftChoices[K] } = { ...choices };
  if (given.locale !== undefined && take('locale')) next.locale = given.locale;
  if (given.keyboard && take('keyboard')) {
    next.keyboard = given.keyboard;
    next.keyboardChosen = true;
  }
  if (given.accessibility && take('accessibility')) next.accessibility = given.accessibility;
  if (given.profile && take('profile')) next.profile = given.profile;
  if (given.apps && take('apps')) {
    next.apps = given.apps;
    next.customApps = given.apps.filter((id) => id !== NIXOS_APP);
    next.transientApps = given.transientApps ?? [];
  }
  if (given.encryption && take('encryption')) next.encryption = given.encryption;
  // Escrowed recovery keys need one on every machine, whatever is chosen.
  if (answers.escrow) next.encryption = { ...next.encryption, recoveryKey: true };
  return next;
}
