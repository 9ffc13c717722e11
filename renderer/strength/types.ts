// What the strength estimate tells the page: no part of the passphrase itself.
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface StrengthResult {
  readonly score: StrengthScore;
  /** zxcvbn feedback keys, localized under encryption:strength.warning.* / suggestion.*. */
  readonly warning: string | null;
  readonly suggestions: readonly string[];
  /** Estimated time to guess it offline against a slow hash, in seconds. */
  readonly crackSeconds: number;
}

export interface StrengthRequest {
  readonly id: number;
  readonly text: string;
  readonly userInputs: readonly string[];
  /** The page's language: its dictionary is used where zxcvbn-ts has one. */
  readonly language: string;
}

export interface StrengthReply {
  readonly id: number;
  readonly result: StrengthResult;
}
