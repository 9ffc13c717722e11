// The reviewer mode reaches the header's menu through context (ADR 041).
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createReviewStore, type ReviewState, type ReviewStoreApi } from './review-store';

// Without a provider (unit tests of single components): modes never allowed.
const ReviewContext = createContext<ReviewStoreApi>(createReviewStore());

export function ReviewProvider({ store, children }: { store: ReviewStoreApi; children: ReactNode }) {
  return <ReviewContext.Provider value={store}>{children}</ReviewContext.Provider>;
}

export function useReview<T>(selector: (state: ReviewState) => T): T {
  return useStore(useContext(ReviewContext), selector);
}
