// Next, Back and jumps. Moving never clears a value: a person can walk back and forth freely.
import { formatRecoveryKey, RECOVERY_KEY_BYTES } from '../../../shared/plan/recovery-key';
import type { StoreDeps } from '../deps';
import { wizardPages } from '../answers';
import { laterPage, pageIndex, isWizardPage, type WizardPage } from '../pages';
import { makesRecoveryKey } from '../../../shared/plan/unlock-methods';
import type { GetState, NavigationActions, Secrets, SetState, WizardStore } from '../types';
import { STRENGTH_PENDING_REASON, firstInvalidPage, validatePage } from '../validators';

/** A fresh recovery key and the group (0–7) the person will type back. */
export function newRecoveryKey(deps: Pick<StoreDeps, 'randomBytes'>): Pick<Secrets, 'recoveryKey' | 'recoveryGroup' | 'recoveryConfirm'> {
  const key = formatRecoveryKey(deps.randomBytes(RECOVERY_KEY_BYTES));
  const group = deps.randomBytes(1)[0]! % 8;
  return { recoveryKey: key, recoveryGroup: group, recoveryConfirm: '' };
}

/** What arriving on a page needs: the recovery page always has a key to show. */
export function arriveOnPage(state: WizardStore, page: WizardPage, deps: StoreDeps): Partial<WizardStore> {
  const nav = { ...state.nav, page, furthest: laterPage(state.nav.furthest, page) };
  if (page === 'recovery' && makesRecoveryKey(state.choices.encryption) && !state.secrets.recoveryKey) {
    return { nav, secrets: { ...state.secrets, ...newRecoveryKey(deps) } };
  }
  return { nav };
}

export function navigationActions(set: SetState, get: GetState, deps: StoreDeps): NavigationActions {
  const moveTo = (page: WizardPage, extra: Partial<WizardStore['nav']> = {}) => {
    const state = get();
    const arrived = arriveOnPage(state, page, deps);
    const leftSecretPage = state.nav.resumeNotice && page !== state.nav.page;
    set({
      ...arrived,
      nav: {
        ...arrived.nav!,
        nextWhenStrengthKnown: false,
        nextWhenHelperReady: false,
        ...extra,
        ...(leftSecretPage ? { resumeNotice: null } : {}),
      },
    });
  };

  return {
    next() {
      const state = get();
      const page = state.nav.page;
      if (!isWizardPage(page) || page === 'summary') return false;
      // Welcome needs no helper; the pages after it do (its catalog, its disk): wait for its answer.
      if (state.boot.status !== 'ready') {
        if (state.boot.status === 'fatal') return false;
        set({ nav: { ...state.nav, nextWhenHelperReady: true } });
        return true;
      }
      const validation = validatePage(page, state);
      if (!validation.ok) {
        // Only the strength estimate is missing: wait for it instead of refusing.
        const waiting = validation.reasons.every((r) => r.key === STRENGTH_PENDING_REASON);
        const attempted = state.nav.attempted.includes(page) ? state.nav.attempted : [...state.nav.attempted, page];
        set({ nav: { ...state.nav, attempted, nextWhenStrengthKnown: waiting } });
        return false;
      }
      // Leaving Welcome confirms the keyboard layout: from here on the language never changes it.
      if (page === 'welcome' && !state.choices.keyboardChosen) set({ choices: { ...state.choices, keyboardChosen: true } });
      const pages = wizardPages(state);
      const following = pages[pages.indexOf(page) + 1] ?? 'summary';
      // After a "Change" link, Next goes straight back to the summary once all is in order again.
      if (state.nav.returnToSummary && firstInvalidPage(state, 'summary') === null) {
        moveTo('summary', { returnToSummary: false });
      } else {
        moveTo(following);
      }
      return true;
    },

    back() {
      const state = get();
      const page = state.nav.page;
      if (!isWizardPage(page)) return;
      const pages = wizardPages(state);
      const at = pages.indexOf(page);
      if (at > 0) moveTo(pages[at - 1]!);
    },

    goTo(page, options) {
      const state = get();
      if (!isWizardPage(state.nav.page) || !wizardPages(state).includes(page)) return;
      if (pageIndex(page) > pageIndex(state.nav.furthest)) return;
      // A jump forward stops at the first page that still needs something.
      const blocked = pageIndex(page) > pageIndex(state.nav.page) ? firstInvalidPage(state, page) : null;
      moveTo(blocked ?? page, { returnToSummary: options?.fromSummary ?? false });
    },

    dismissResumeNotice() {
      set({ nav: { ...get().nav, resumeNotice: null } });
    },
  };
}
