// The renderer's entry: pick the transport (without waiting for it), start i18n (English is
// already here), create the store, hydrate the prerendered Welcome (or render afresh when this
// first render differs from it), then let the store find out where the person is (ADR 054).
// The other pages are chunks of their own, fetched once Welcome is live (ADR 120).
import { createRoot, hydrateRoot } from 'react-dom/client';
import { preloadPages } from './app/App';
import { Root, renderKey } from './app/Root';
import { bindDomEffects } from './app/dom-effects';
import { createI18n } from './i18n/i18n';
import { matchLanguage } from './i18n/languages';
import { createReviewStore, enableReviewWhenKnown } from './i18n/review-store';
import { createWizardStore } from './state/store';
import { selectApi } from './transport/select-api';
import './generated/fonts/fonts.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/pages.css';

/** Set by the build on #root: the render key of the markup inside (see Root's renderKey). */
const PRERENDERED_KEY = 'prerenderedKey';

/** After the frame that shows the live page, when the main thread has nothing else to do. */
function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 1000 });
  else window.setTimeout(run, 0);
}

async function main() {
  const root = document.documentElement;
  const api = selectApi(window);
  const media = (q: string) => window.matchMedia?.(q).matches ?? false;
  const store = createWizardStore({
    api,
    env: {
      locale: matchLanguage(navigator.languages ?? [navigator.language]),
      prefersReducedMotion: media('(prefers-reduced-motion: reduce)'),
      prefersHighContrast: media('(prefers-contrast: more)'),
    },
    now: () => Date.now(),
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    timers: { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) },
  });
  const i18n = await createI18n(store.getState().choices.locale);
  const review = createReviewStore();
  enableReviewWhenKnown(store, review, window.location.search);
  bindDomEffects(store, i18n, root, review);
  const container = document.getElementById('root')!;
  // The prerendered markup is inert until React has taken it over: no click is lost on it.
  // Then the other pages' chunks are fetched while the person is on Welcome (ADR 120).
  const onLive = () => {
    container.removeAttribute('inert');
    whenIdle(() => void preloadPages());
  };
  const tree = <Root i18n={i18n} store={store} review={review} onLive={onLive} />;
  if (container.dataset[PRERENDERED_KEY] === renderKey(i18n, store)) {
    hydrateRoot(container, tree);
  } else {
    container.replaceChildren();
    createRoot(container).render(tree);
  }
  // A choice made just before the window closes is written now rather than after its quiet moment.
  window.addEventListener('pagehide', () => store.getState().saveNow());
  await store.getState().start();
}

void main();
