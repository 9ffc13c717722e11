// Start-up: read back where the person was, learn what main and the helper know, keep trying
// while the helper cannot be reached, and land on the right page. Welcome shows meanwhile: nothing
// on it needs the helper, and a Next pressed there waits for its answer (ADR 054).
import { DEFAULT_HELPER_RETRY_MS, DEFAULT_SAVE_DELAY_MS, type StoreDeps } from '../deps';
import { defaultChoices } from '../defaults';
import { catalogApps, appsForProfile } from '../presets';
import { SECRET_PAGES, isWizardPage, pageIndex, type WizardPage } from '../pages';
import { createDebouncedSaver, fromPersisted, toPersisted } from '../persistence';
import type { AnswersActions, BootActions, GetState, InstallActions, SetState } from '../store-types';
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
  subscribeToStore: (listener: (state: ReturnType<GetState>) => void) => () => void,
  deps: StoreDeps,
  install: Pick<InstallActions, 'handleInstallEvent'> & Pick<AnswersActions, 'runUnattended'> & { adoptHelperState: Adopt },
): BootActions {
  const delays = deps.helperRetryDelaysMs ?? DEFAULT_HELPER_RETRY_MS;
  let retryTimer: unknown = null;
  let resumePage: WizardPage | null = null;
  /** Nothing was saved from an earlier run: the answers may pre-fill interactive sections too. */
  let fresh = true;
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
    const target = resumePage;
    resumePage = null;
    if (!target || target === 'welcome') return;
    const state = get();
    const page = firstInvalidPage(state, target) ?? target;
    const needsSecrets = SECRET_PAGES.includes(page) && pageIndex(target) >= pageIndex(page);
    const arrived = arriveOnPage(state, page, deps);
    set({ ...arrived, nav: { ...arrived.nav!, resumeNotice: needsSecrets ? 'secrets-reentry' : null } });
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
        if (answers) set({ choices: choicesWithAnswers(get().choices, answers, fresh) });
        await install.adoptHelperState(r.value.state);
        land();
        if (answers) showFirstOpenPage();
        void install.runUnattended();
      } else {
        resumePage = null;
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

  const startPersisting = () => {
    const saver = createDebouncedSaver(
      (state) => void deps.api['wizardState.save'](state),
      deps.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS,
      deps.timers,
    );
    // Subscribers see every change; the saver writes only when the persisted part changed.
    let last = get();
    saver.prime(toPersisted(last));
    const unsubscribe = subscribeToStore((state) => {
      if (state.choices === last.choices && state.nav === last.nav && state.install === last.install) return;
      last = state;
      saver.schedule(toPersisted(state));
    });
    cleanups.push(unsubscribe, () => saver.flush());
  };

  return {
    async start() {
      cleanups.push(deps.api.onInstallEvent((e) => (e.kind === 'fido2' ? get().fido2Prompted() : install.handleInstallEvent(e))));
      const loaded = await deps.api['wizardState.load']({});
      const saved = loaded.ok ? fromPersisted(loaded.value, defaultChoices(deps.env)) : null;
      if (saved) {
        const state = get();
        fresh = false;
        resumePage = saved.page;
        set({
          choices: saved.choices,
          nav: { ...state.nav, furthest: saved.furthest },
          install: { ...state.install, installId: saved.installId, planId: saved.planId },
        });
      }
      startPersisting();
      const info = await deps.api['app.info']({});
      if (info.ok) set({ boot: { ...get().boot, app: info.value } });
      await connectHelper();
    },

    retryHelperNow() {
      return connectHelper();
    },

    dispose() {
      clearRetry();
      for (const c of cleanups.splice(0)) c();
    },
  };
}
