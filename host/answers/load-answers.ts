// Finds the answers file at start-up and verifies it once: `--answers FILE`, else the first of
// the answers folders (`--answers-dir`, the sandbox's DIR/answers) that holds one. The result is
// what `hello` offers, what plans are held to, and where escrowed recovery keys are written.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnswersErrorCode, AnswersProblem } from '../../shared/answers/answers-errors';
import type { Answers, AnswersOffer } from '../../shared/answers/answers-schema';
import type { Catalog } from '../../shared/plan/catalog';
import type { TrustedKeys } from '../keys/trusted-keys';
import type { Logger } from '../log/logger';
import { MAX_SIGNED_ANSWERS_BYTES, refuse, verifyAnswers, type AnswersVerdict } from './verify-answers';

/** The signed file `npm run answers -- sign answers.yaml` writes, and the helper looks for. */
export const SIGNED_ANSWERS_FILE = 'answers.signed.json';
/** Answers as written: found without a signed copy, they are refused as `not-signed`. */
const UNSIGNED_NAMES = ['answers.yaml', 'answers.yml', 'answers.json'];

export type LoadedAnswers =
  | { readonly status: 'offered'; readonly file: string; readonly dir: string; readonly digest: string; readonly keyId: string; readonly answers: Answers }
  | { readonly status: 'refused'; readonly file: string; readonly code: AnswersErrorCode; readonly message: string; readonly problems: readonly AnswersProblem[] };

export interface AnswersPlaces {
  readonly file?: string;
  readonly dirs: readonly string[];
}

/** The file to read, or null when no place holds answers. */
export function findAnswersFile(places: AnswersPlaces): string | null {
  if (places.file) return path.resolve(places.file);
  for (const dir of places.dirs) {
    const signed = path.join(dir, SIGNED_ANSWERS_FILE);
    if (existsSync(signed)) return path.resolve(signed);
    const unsigned = UNSIGNED_NAMES.map((n) => path.join(dir, n)).find((f) => existsSync(f));
    if (unsigned) return path.resolve(unsigned);
  }
  return null;
}

function readBounded(file: string): Uint8Array | AnswersVerdict {
  try {
    const bytes = readFileSync(file);
    return bytes.length > MAX_SIGNED_ANSWERS_BYTES ? refuse('unreadable', `the file exceeds ${MAX_SIGNED_ANSWERS_BYTES} bytes`) : new Uint8Array(bytes);
  } catch (e) {
    return refuse('unreadable', `the file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function loadAnswers(places: AnswersPlaces, orgKeys: TrustedKeys, catalog: Catalog, log: Logger): LoadedAnswers | null {
  const file = findAnswersFile(places);
  if (!file) return null;
  const read = readBounded(file);
  const verdict = read instanceof Uint8Array ? verifyAnswers(read, orgKeys, catalog) : read;
  if (!verdict.ok) {
    log.error('answers-refused', { file, code: verdict.code, problem: verdict.problems[0]?.rule, line: verdict.problems[0]?.line });
    return { status: 'refused', file, code: verdict.code, message: verdict.message, problems: verdict.problems };
  }
  log.info('answers-loaded', { file, digest: verdict.digest, keyId: verdict.keyId, organization: verdict.answers.organization });
  return { status: 'offered', file, dir: path.dirname(file), digest: verdict.digest, keyId: verdict.keyId, answers: verdict.answers };
}

/** What `hello` says of it. */
export function answersOffer(loaded: LoadedAnswers): AnswersOffer {
  if (loaded.status === 'refused') {
    const where = loaded.problems[0];
    const at = where ? ` (${where.line !== undefined ? `line ${where.line}, ` : ''}${where.path || '/'}: ${where.rule})` : '';
    return { status: 'refused', code: loaded.code, message: (loaded.message + at).slice(0, 2000) };
  }
  return { status: 'offered', digest: loaded.digest, keyId: loaded.keyId, answers: loaded.answers };
}
