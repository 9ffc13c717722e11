// The reviewer mode's state, beside the wizard's store (it is no choice of the person's and is
// never persisted), and how it is switched on: once main says which runtime this is.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WizardStoreApi } from '../state/store';
import { readReviewRequest, reviewAllowed, type ReviewMode } from './review';

export interface ReviewState {
  /** Whether this runtime offers the reviewer modes at all (preview or sandbox). */
  readonly allowed: boolean;
  readonly mode: ReviewMode;
  setMode(mode: ReviewMode): void;
}

export type ReviewStoreApi = StoreApi<ReviewState>;

export function createReviewStore(): ReviewStoreApi {
  return createStore<ReviewState>()((set, get) => ({
    allowed: false,
    mode: 'off',
    setMode(mode) {
      if (get().allowed) set({ mode });
    },
  }));
}

/**
 * When `app.info` has answered: in the preview or the sandbox, offer the modes and honour the
 * page URL's `lng` parameter; anywhere else, stay off for good.
 */
export function enableReviewWhenKnown(wizard: WizardStoreApi, review: ReviewStoreApi, search: string): () => void {
  let done = false;
  const check = () => {
    const app = wizard.getState().boot.app;
    if (done || app === null) return;
    done = true;
    unsubscribe();
    if (!reviewAllowed(app)) return;
    review.setState({ allowed: true });
    const request = readReviewRequest(search);
    if (request.language) wizard.getState().setLocale(request.language);
    if (request.mode) review.getState().setMode(request.mode);
  };
  const unsubscribe = wizard.subscribe(check);
  check();
  return unsubscribe;
}
