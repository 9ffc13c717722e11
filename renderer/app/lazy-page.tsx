// A page in a chunk of its own (ADR 120): the first chunk carries Welcome only, and the other
// pages are fetched once the page is live, so a Next finds them there. A page asked for before
// its chunk is in suspends until it is; once loaded it renders at once, with no fallback frame.
import { lazy, type ComponentType } from 'react';

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
  const Suspending = lazy(async () => {
    await preload();
    return { default: loaded! };
  });
  function Component() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Suspending />;
  }
  return { Component, preload };
}
