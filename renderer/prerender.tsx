// Build time (scripts/lib/prerender.mjs): Welcome's markup as the page's first render makes it
// for a person whose browser asks for English, written into index.html so that the first paint
// needs no script (ADR 054). The page hydrates it when its own first render has the same key.
import { renderToString } from 'react-dom/server';
import { createApiClient } from '../shared/ipc/api';
import { Root, renderKey } from './app/Root';
import { createI18n } from './i18n/i18n';
import { DEFAULT_LANGUAGE } from './i18n/languages';
import { createReviewStore } from './i18n/review-store';
import { createWizardStore } from './state/store';

export interface Prerendered {
  readonly html: string;
  readonly key: string;
}

export async function prerenderWelcome(): Promise<Prerendered> {
  // Nothing is asked of main or the helper while prerendering: the store is never started.
  const never = () => new Promise<never>(() => {});
  const store = createWizardStore({
    api: createApiClient(never, () => () => {}),
    env: { locale: DEFAULT_LANGUAGE, prefersReducedMotion: false, prefersHighContrast: false },
    now: () => 0,
    randomBytes: (n) => new Uint8Array(n),
    timers: { setTimeout: () => null, clearTimeout: () => {} },
  });
  const i18n = await createI18n(store.getState().choices.locale);
  const html = renderToString(<Root i18n={i18n} store={store} review={createReviewStore()} />);
  return { html, key: renderKey(i18n, store) };
}
