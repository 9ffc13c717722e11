// What each unlock method is given: the words, the console, and one way to try a key.
import type { UnlockTranslate } from '../../shared/unlock/prompt';

export interface UnlockSteps {
  readonly t: UnlockTranslate;
  readonly say: (line: string) => void;
  readonly readSecret: (label: string) => Promise<Buffer | null>;
  /** Tries `key` on each slot in turn (all slots when `slots` is undefined); true once one opens. */
  readonly tryKeyOnSlots: (key: Uint8Array, slots?: readonly string[]) => Promise<boolean>;
}
