// Store dependencies for tests: a fake API, a manual clock and timers, predictable randomness.
import type { StoreDeps } from '../state/deps';
import { createWizardStore } from '../state/store';
import { createFakeApi, type FakeApi, type Handlers } from './fake-api';

export interface ManualTimers {
  now: number;
  advance(ms: number): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  pending(): number;
}

export function manualTimers(start = 1_700_000_000_000): ManualTimers {
  let seq = 0;
  const queue = new Map<number, { at: number; fn: () => void }>();
  const t: ManualTimers = {
    now: start,
    advance(ms) {
      const until = t.now + ms;
      for (;;) {
        const next = [...queue.entries()].filter(([, v]) => v.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        queue.delete(next[0]);
        t.now = next[1].at;
        next[1].fn();
      }
      t.now = until;
    },
    setTimeout(fn, ms) {
      const id = ++seq;
      queue.set(id, { at: t.now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    pending: () => queue.size,
  };
  return t;
}

/** Deterministic "random" bytes: a counter, so tests can predict keys and ids. */
export function countingBytes(): (n: number) => Uint8Array {
  let c = 0;
  return (n) => Uint8Array.from({ length: n }, () => c++ & 0xff);
}

export function makeStore(handlers: Handlers = {}, extra: Partial<StoreDeps> = {}) {
  const fake: FakeApi = createFakeApi(handlers);
  const timers = manualTimers();
  const deps: StoreDeps = {
    api: fake.api,
    env: { locale: 'en', prefersReducedMotion: false, prefersHighContrast: false },
    now: () => timers.now,
    randomBytes: countingBytes(),
    timers,
    helperRetryDelaysMs: [1000, 2000],
    saveDelayMs: 100,
    ...extra,
  };
  const store = createWizardStore(deps);
  return { store, fake, timers, deps };
}

/** Lets queued promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
