// A page in a chunk of its own (ADR 120): the first chunk carries Welcome only, and the other
// pages are fetched once the page is live, so a Next finds them there. A page asked for before
// its chunk is in suspends until it is; once loaded it renders at once, with no fallback frame.
import { lazy, type ComponentType } from 'react';

/** Between attempts at a chunk that failed to load. */
const RETRY_MS = 1000;

export interface LazyPage {
  readonly Component: ComponentType;
  /** Fetches the chunk (once; again after a failure). */
  preload(): Promise<void>;
}

export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | null = null;
  let pending: Promise<void> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  // Never rejects: a page whose chunk could not be fetched stays suspended and is asked for
  // again, rather than taking the whole tree down with it.
  const Suspending = lazy(async () => {
    for (;;) {
      try {
        await preload();
        return { default: loaded! };
      } catch {
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  });
  function Component() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Suspending />;
  }
  return { Component, preload };
}
