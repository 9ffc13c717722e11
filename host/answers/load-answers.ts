// Finds the answers file at start-up and verifies it once (docs/protocol.md §12.2): `--answers
// FILE`; else the first `--answers-dir` folder that holds one; else the USB sticks plugged in
// (two that hold one are refused as ambiguous, never a pick); else the last folders (the
// sandbox's DIR/answers). The result is what `hello` offers, what plans are held to, and where
// escrowed recovery keys are written (the same place, folder or stick).
import path from 'node:path';
import type { AnswersErrorCode, AnswersProblem } from '../../shared/answers/answers-errors';
import type { Answers, AnswersOffer } from '../../shared/answers/answers-schema';
import type { Catalog } from '../../shared/plan/catalog';
import type { TrustedKeys } from '../keys/trusted-keys';
import type { Logger } from '../log/logger';
import type { RemovableDrives } from '../usb/removable-drives';
import { isStickFsType } from '../usb/sticks';
import { AnswersReadError, folderSource, stickSource, type AnswersSource } from './answers-source';
import { MAX_SIGNED_ANSWERS_BYTES, refuse, verifyAnswers, type AnswersVerdict } from './verify-answers';

/** The signed file `npm run answers -- sign answers.yaml` writes, and the helper looks for. */
export const SIGNED_ANSWERS_FILE = 'answers.signed.json';
/** Answers as written: found without a signed copy, they are refused as `not-signed`. */
const UNSIGNED_NAMES = ['answers.yaml', 'answers.yml', 'answers.json'];
const NAMES = [SIGNED_ANSWERS_FILE, ...UNSIGNED_NAMES];

export type LoadedAnswers =
  | {
      readonly status: 'offered';
      readonly file: string;
      readonly source: AnswersSource;
      readonly digest: string;
      readonly keyId: string;
      readonly answers: Answers;
    }
  | {
      readonly status: 'refused';
      readonly file: string;
      readonly code: AnswersErrorCode;
      readonly message: string;
      readonly problems: readonly AnswersProblem[];
    };

export interface AnswersPlaces {
  readonly file?: string;
  /** Searched first, in order (`--answers-dir`). */
  readonly dirs: readonly string[];
  /** Searched next: each stick with a file system that can hold files, by id. */
  readonly drives?: RemovableDrives;
  /** Searched last (the sandbox's DIR/answers). */
  readonly lastDirs?: readonly string[];
}

/** One place's file: its bytes, or why they cannot be read; null when the place holds none. */
type Found = { readonly source: AnswersSource; readonly file: string; readonly read: Uint8Array | AnswersVerdict };

async function lookIn(source: AnswersSource, names: readonly string[]): Promise<Found | null> {
  for (const name of names) {
    try {
      const bytes = await source.read(name, MAX_SIGNED_ANSWERS_BYTES);
      if (bytes) return { source, file: source.fileName(name), read: bytes };
    } catch (e) {
      if (e instanceof AnswersReadError && e.placeUnreadable) throw e;
      return { source, file: source.fileName(name), read: refuse('unreadable', (e as Error).message) };
    }
  }
  return null;
}

async function firstFolder(dirs: readonly string[]): Promise<Found | null> {
  for (const dir of dirs) {
    const found = await lookIn(folderSource(dir), NAMES);
    if (found) return found;
  }
  return null;
}

/** The one stick that holds answers; two or more is a refusal naming them. */
async function onSticks(drives: RemovableDrives, log: Logger): Promise<Found | null> {
  let sticks;
  try {
    sticks = await drives.sticks.list();
  } catch (e) {
    log.warn('answers-sticks-unlisted', { problem: (e as Error).message });
    return null;
  }
  const held: Found[] = [];
  for (const stick of sticks.filter((s) => isStickFsType(s.fsType)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    try {
      const found = await lookIn(stickSource(stick, drives.files), NAMES);
      if (found) held.push(found);
    } catch (e) {
      log.warn('answers-stick-unreadable', { stick: stick.id, problem: (e as Error).message });
    }
  }
  if (held.length <= 1) return held[0] ?? null;
  const names = held.map((f) => f.source.where.replace(/^USB stick /, ''));
  return {
    source: held[0]!.source,
    file: held.map((f) => f.file).join(', '),
    read: refuse('ambiguous', `more than one USB stick holds an answers file (${names.join(', ')}): plug in only the one to use`),
  };
}

async function findAnswers(places: AnswersPlaces, log: Logger): Promise<Found | null> {
  if (places.file) {
    const file = path.resolve(places.file);
    const found = await lookIn(folderSource(path.dirname(file)), [path.basename(file)]);
    return found ?? { source: folderSource(path.dirname(file)), file, read: refuse('unreadable', 'the file cannot be read (ENOENT)') };
  }
  return (
    (await firstFolder(places.dirs)) ??
    (places.drives ? await onSticks(places.drives, log) : null) ??
    (await firstFolder(places.lastDirs ?? []))
  );
}

export async function loadAnswers(
  places: AnswersPlaces,
  orgKeys: TrustedKeys,
  catalog: Catalog,
  log: Logger,
): Promise<LoadedAnswers | null> {
  const found = await findAnswers(places, log);
  if (!found) return null;
  const { file, read, source } = found;
  const verdict = read instanceof Uint8Array ? verifyAnswers(read, orgKeys, catalog) : read;
  if (!verdict.ok) {
    log.error('answers-refused', { file, code: verdict.code, problem: verdict.problems[0]?.rule, line: verdict.problems[0]?.line });
    return { status: 'refused', file, code: verdict.code, message: verdict.message, problems: verdict.problems };
  }
  log.info('answers-loaded', { file, digest: verdict.digest, keyId: verdict.keyId, organization: verdict.answers.organization });
  return { status: 'offered', file, source, digest: verdict.digest, keyId: verdict.keyId, answers: verdict.answers };
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
