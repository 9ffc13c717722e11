// Start-up: read back where the person was, learn what main and the helper know, keep trying
// while the helper cannot be reached, and land on the right page. Welcome shows meanwhile: nothing
// on it needs the helper, and a Next pressed there waits for its answer (ADR 054).
import { DEFAULT_HELPER_RETRY_MS, type StoreDeps } from '../deps';
import { catalogApps, appsForProfile } from '../presets';
import { SECRET_PAGES, isWizardPage, pageIndex } from '../pages';
import type { AnswersActions, BootActions, GetState, InstallActions, SetState } from '../types';
import { offeredAnswers, choicesWithAnswers, wizardPages } from '../answers';
import { firstInvalidPage } from '../validators';
import { arriveOnPage } from './navigation';
import { isFatalCode } from './install';
import type { WizardHelperState } from '../../../shared/protocol/messages';

type Adopt = (helperState: WizardHelperState) => Promise<void>;

/** Codes that mean "the helper is not there yet": keep trying. */
const WAIT_CODES = ['helper-unreachable', 'ipc-disconnected', 'ipc-internal'];

export function bootActions(
  set: SetState,
  get: GetState,
  deps: StoreDeps,
  install: Pick<InstallActions, 'handleInstallEvent'> &
    Pick<AnswersActions, 'runUnattended'> & {
      adoptHelperState: Adopt;
      /** Reads the saved state back into the store (zustand's persist, over IPC). */
      rehydrate(): Promise<void>;
      flushSaves(): void;
    },
): BootActions {
  const delays = deps.helperRetryDelaysMs ?? DEFAULT_HELPER_RETRY_MS;
  // Handles of timers and subscriptions, not state: nothing renders them and they cannot be saved.
  let retryTimer: unknown = null;
  const cleanups: (() => void)[] = [];

  const clearRetry = () => {
    if (retryTimer !== null) deps.timers.clearTimeout(retryTimer);
    retryTimer = null;
  };

  /** Keeps the selection within the catalog the helper offers, or fills in the preset. */
  const fitToCatalog = () => {
    const { choices, boot } = get();
    if (!boot.helper || !choices.profile) return;
    const known = new Set(catalogApps(boot.helper.catalog));
    const apps =
      choices.customApps === null && choices.apps.length === 0
        ? appsForProfile(choices.profile, boot.helper.catalog, null)
        : choices.apps.filter((id) => known.has(id));
    const customApps = choices.customApps?.filter((id) => known.has(id)) ?? null;
    set({ choices: { ...choices, apps, customApps } });
  };

  /** Lands where the person left off, or on the first earlier page that needs them again. */
  const land = () => {
    const state = get();
    const target = state.nav.resumeAt;
    if (target === null) return;
    if (target === 'welcome') {
      set({ nav: { ...state.nav, resumeAt: null } });
      return;
    }
    const page = firstInvalidPage(state, target) ?? target;
    const needsSecrets = SECRET_PAGES.includes(page) && pageIndex(target) >= pageIndex(page);
    const arrived = arriveOnPage(state, page, deps);
    set({ ...arrived, nav: { ...arrived.nav!, resumeAt: null, resumeNotice: needsSecrets ? 'secrets-reentry' : null } });
  };

  /** A page the answers took over is not shown: move on to the first one still open. */
  const showFirstOpenPage = () => {
    const state = get();
    const pages = wizardPages(state);
    const page = state.nav.page;
    if (!isWizardPage(page) || pages.includes(page)) return;
    const next = pages.find((p) => pageIndex(p) > pageIndex(page)) ?? pages.at(-1) ?? 'summary';
    set(arriveOnPage(state, next, deps));
  };

  /** A Next pressed on Welcome while the helper had not answered is carried out now. */
  const carryOutWaitingNext = () => {
    const { nav } = get();
    if (!nav.nextWhenHelperReady) return;
    set({ nav: { ...nav, nextWhenHelperReady: false } });
    if (nav.page === 'welcome') get().next();
  };

  const connectHelper = async (): Promise<void> => {
    clearRetry();
    const r = await deps.api['helper.info']({});
    const boot = get().boot;
    if (r.ok) {
      set({ boot: { ...boot, status: 'ready', helper: r.value, nextTryAt: null, attempts: boot.attempts + 1 } });
      fitToCatalog();
      if (r.value.state.phase === 'fresh') {
        const answers = offeredAnswers(get().boot);
        // Nothing saved from an earlier run: the answers may pre-fill interactive sections too.
        if (answers) set({ choices: choicesWithAnswers(get().choices, answers, !get().nav.resumed) });
        await install.adoptHelperState(r.value.state);
        land();
        if (answers) showFirstOpenPage();
        void install.runUnattended();
      } else {
        set({ nav: { ...get().nav, resumeAt: null } });
        await install.adoptHelperState(r.value.state);
      }
      carryOutWaitingNext();
      return;
    }
    if (isFatalCode(r.error.code) || !WAIT_CODES.includes(r.error.code)) {
      set({ boot: { ...boot, status: 'fatal', fatalCode: r.error.code, attempts: boot.attempts + 1 } });
      return;
    }
    const wait = delays[Math.min(boot.attempts, delays.length - 1)] ?? 3000;
    set({ boot: { ...boot, status: 'waiting-for-helper', attempts: boot.attempts + 1, nextTryAt: deps.now() + wait } });
    retryTimer = deps.timers.setTimeout(() => void connectHelper(), wait);
  };

  return {
    async start() {
      cleanups.push(deps.api.onInstallEvent((e) => (e.kind === 'fido2' ? get().fido2Prompted() : install.handleInstallEvent(e))));
      await install.rehydrate();
      // A change still waiting to be written is written when the store is let go.
      cleanups.push(install.flushSaves);
      const info = await deps.api['app.info']({});
      if (info.ok) set({ boot: { ...get().boot, app: info.value } });
      await connectHelper();
    },

    retryHelperNow() {
      return connectHelper();
    },

    saveNow() {
      install.flushSaves();
    },

    dispose() {
      clearRetry();
      for (const c of cleanups.splice(0)) c();
    },
  };
}
