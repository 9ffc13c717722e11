// What the store needs from the world, injected so tests can run it without a browser.
import type { WizardApi } from '../../shared/ipc/api';
import type { Environment } from './defaults';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface StoreDeps {
  readonly api: WizardApi;
  readonly env: Environment;
  readonly now: () => number;
  /** Cryptographically random bytes (crypto.getRandomValues in the page). */
  readonly randomBytes: (n: number) => Uint8Array;
  readonly timers: Timers;
  /** Waits between tries to reach the helper; the last repeats. */
  readonly helperRetryDelaysMs?: readonly number[];
  readonly saveDelayMs?: number;
}

export const DEFAULT_HELPER_RETRY_MS = [1000, 2000, 3000, 5000] as const;
export const DEFAULT_SAVE_DELAY_MS = 400;
