// A signed answers file, checked in this order (docs/protocol.md, "Answers files"): its size,
// that it is a signed envelope at all, the envelope and its payload type, an Ed25519 signature
// by a trusted organization key, and only then the payload: its syntax, secret fields, unknown
// fields, and the rules. The first failure decides, with its own code; nothing is half-used.
import { createHash } from 'node:crypto';
import type { AnswersFailure, AnswersErrorCode, AnswersProblem } from '../../shared/answers/answers-errors';
import { ANSWERS_PAYLOAD_TYPE, MAX_ANSWERS_BYTES, type Answers } from '../../shared/answers/answers-schema';
import { checkAnswers } from '../../shared/answers/check-answers';
import type { Catalog } from '../../shared/plan/catalog';
import { utf8Decode } from '../../shared/util/bytes';
import type { TrustedKeys } from '../keys/trusted-keys';
import { openEnvelope, type EnvelopeFailure } from '../verify/open-envelope';
import { parseAnswersText } from './answers-text';

/** The envelope carries the payload in base64, a third larger, plus a signature. */
export const MAX_SIGNED_ANSWERS_BYTES = Math.ceil((MAX_ANSWERS_BYTES * 4) / 3) + 4096;

export interface VerifiedAnswers {
  readonly ok: true;
  readonly answers: Answers;
  /** hex sha256 of the signed payload bytes: the name plans and receipts use for this file. */
  readonly digest: string;
  /** The trusted key that signed it. */
  readonly keyId: string;
  /** The payload as signed (the text the organization wrote). */
  readonly text: string;
}

export type AnswersVerdict = VerifiedAnswers | AnswersFailure;

export const refuse = (code: AnswersErrorCode, message: string, problems: readonly AnswersProblem[] = []): AnswersFailure => ({
  ok: false,
  code,
  message,
  problems,
});

function envelopeRefusal(f: EnvelopeFailure): AnswersFailure {
  const problems = f.details.map((d) => ({ path: d.path, rule: d.problem }));
  switch (f.kind) {
    case 'payload-type':
      return refuse(
        'bad-payload-type',
        `this is a DSSE envelope of another type; an answers file has payloadType ${ANSWERS_PAYLOAD_TYPE}`,
        problems,
      );
    case 'signature':
      return f.keyKnown
        ? refuse('bad-signature', 'the signature does not match the content: the file was changed after it was signed', problems)
        : refuse('untrusted-key', 'the file is signed by a key this machine does not trust (not in its trusted-keys folder)', problems);
    case 'payload-size':
      return refuse('bad-envelope', `the signed payload exceeds ${MAX_ANSWERS_BYTES} bytes`, problems);
    default:
      return refuse('bad-envelope', 'the file is not a well-formed signed envelope', problems);
  }
}

/** Whether a parsed file looks like an envelope at all (else it is answers someone forgot to sign). */
function looksLikeEnvelope(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ('payloadType' in value || 'signatures' in value || 'payload' in value);
}

export function verifyAnswers(bytes: Uint8Array, trusted: TrustedKeys, catalog?: Catalog): AnswersVerdict {
  if (bytes.length > MAX_SIGNED_ANSWERS_BYTES) return refuse('unreadable', `the file exceeds ${MAX_SIGNED_ANSWERS_BYTES} bytes`);
  const text = utf8Decode(bytes);
  let value: unknown;
  try {
    value = text === null ? null : JSON.parse(text);
  } catch {
    value = null;
  }
  if (!looksLikeEnvelope(value)) {
    return refuse(
      'not-signed',
      'the file is not signed: sign it with `npm run answers -- sign --key ORG.pem FILE` and use the .signed.json it writes',
    );
  }
  const opened = openEnvelope(value, trusted, { payloadType: ANSWERS_PAYLOAD_TYPE, maxPayloadBytes: MAX_ANSWERS_BYTES });
  if (!opened.ok) return envelopeRefusal(opened.failure);
  return checkSignedPayload(opened.payload, opened.keyId, catalog);
}

/** The payload after its signature verified: syntax, then the shared answers checks. */
export function checkSignedPayload(payload: Uint8Array, keyId: string, catalog?: Catalog): AnswersVerdict {
  const text = utf8Decode(payload);
  if (text === null) return refuse('bad-syntax', 'the signed payload is not UTF-8 text');
  const checked = checkText(text, catalog);
  if (!checked.ok) return checked;
  return { ok: true, answers: checked.answers, digest: createHash('sha256').update(payload).digest('hex'), keyId, text };
}

/** An answers text as written (before signing): syntax and every rule, with lines. */
export function checkText(text: string, catalog?: Catalog): { readonly ok: true; readonly answers: Answers } | AnswersFailure {
  const parsed = parseAnswersText(text);
  if (!parsed.ok) return refuse('bad-syntax', 'the answers are not well-formed YAML or JSON', parsed.problems);
  return checkAnswers(parsed.value, { locate: parsed.locate, catalog });
}
