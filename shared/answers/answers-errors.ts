// Why an answers file is refused. Each tampering a person might try has its own code, so the
// helper's log, `hello`, the wizard and `npm run answers -- verify` all say which one it was.
export const ANSWERS_ERROR_CODES = [
  /** The file cannot be read, or is larger than MAX_ANSWERS_BYTES. */
  'unreadable',
  /** The file is answers as written, not a signed envelope (run `answers sign`). */
  'not-signed',
  /** The envelope's shape or encodings are wrong. */
  'bad-envelope',
  /** A DSSE envelope of another type (a plan, say). */
  'bad-payload-type',
  /** Signed, but by a key that is not in the trusted-keys folder. */
  'untrusted-key',
  /** The signature names a trusted key but does not verify: the payload changed after signing. */
  'bad-signature',
  /** The signed payload is not UTF-8 YAML or JSON. */
  'bad-syntax',
  /** A field holds (or is named for) a passphrase, PIN or key. */
  'secret-field',
  /** A field this version does not know. */
  'unknown-field',
  /** A known field breaks a rule (its format, the profile's app rules, the catalog, …). */
  'invalid-answers',
  /** More than one USB stick plugged in holds an answers file: none is picked. */
  'ambiguous',
] as const;
export type AnswersErrorCode = (typeof ANSWERS_ERROR_CODES)[number];

/** One broken rule, named by JSON pointer and, where the text is known, its line and column. */
export interface AnswersProblem {
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  /** English; never quotes a secret. */
  readonly rule: string;
}

export interface AnswersFailure {
  readonly ok: false;
  readonly code: AnswersErrorCode;
  readonly message: string;
  readonly problems: readonly AnswersProblem[];
}
