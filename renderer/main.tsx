// The renderer's entry: pick the transport, start i18n (English is already here), create the
// store, render, then let the store find out where the person is.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { bindDomEffects } from './app/dom-effects';
import { StoreProvider } from './app/store-context';
import { createI18n } from './i18n/i18n';
import { matchLanguage } from './i18n/languages';
import { ReviewProvider } from './i18n/review-context';
import { createReviewStore, enableReviewWhenKnown } from './i18n/review-store';
import { createWizardStore } from './state/store';
import { selectApi } from './transport/select-api';
import './generated/fonts/fonts.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/pages.css';

async function main() {
  const root = document.documentElement;
  const api = await selectApi(window);
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
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoreProvider store={store}>
          <ReviewProvider store={review}>
            <App />
          </ReviewProvider>
        </StoreProvider>
      </I18nextProvider>
    </StrictMode>,
  );
  await store.getState().start();
}

void main();
