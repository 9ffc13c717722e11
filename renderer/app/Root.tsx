// The whole React tree of the page, the same for the page and for the markup prerendered into
// index.html at build time (ADR 054): hydration needs both to render alike.
import { StrictMode, useLayoutEffect } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { ReviewStoreApi } from '../i18n/review-store';
import { ReviewProvider } from '../i18n/review-context';
import type { WizardStoreApi } from '../state/store';
import { App } from './App';
import { StoreProvider } from './store-context';

interface Props {
  readonly i18n: I18n;
  readonly store: WizardStoreApi;
  readonly review: ReviewStoreApi;
  /** Called once the tree is committed (hydrated or rendered): the page is live. */
  readonly onLive?: () => void;
}

/** In the layout phase, so the page is live before any effect (a heading's focus) runs. */
function Live({ onLive }: { onLive?: () => void }) {
  useLayoutEffect(() => onLive?.(), [onLive]);
  return null;
}

export function Root({ i18n, store, review, onLive }: Props) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoreProvider store={store}>
          <ReviewProvider store={review}>
            <App />
            <Live onLive={onLive} />
          </ReviewProvider>
        </StoreProvider>
      </I18nextProvider>
    </StrictMode>
  );
}

/**
 * What the first render depends on: the display language and the choices. Markup prerendered
 * for one key is hydrated only by a page whose first render has the same key.
 */
export function renderKey(i18n: I18n, store: WizardStoreApi): string {
  return JSON.stringify({ language: i18n.language, choices: store.getState().choices });
}
