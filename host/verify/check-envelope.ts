// docs/protocol.md §5.1 and §5.2: the envelope's shape and payloadType, then an Ed25519 signature over
// DSSE's PAE by a trusted key, all before a byte of the payload is parsed.
import type { Envelope } from '../../shared/protocol/messages';
import { PLAN_PAYLOAD_TYPE } from '../../shared/plan/plan-schema';
import type { TrustedKeys } from '../keys/trusted-keys';
import { openEnvelope } from './open-envelope';
import { reject, type Rejection } from './rejection';

/** A valid plan payload is a few KiB; a larger one is refused before any work is spent on it. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

export type EnvelopeCheck =
  | { readonly ok: true; readonly envelope: Envelope; readonly payload: Uint8Array; readonly keyId: string }
  | { readonly ok: false; readonly rejection: Rejection };

export function checkEnvelope(message: { readonly [key: string]: unknown }, trusted: TrustedKeys): EnvelopeCheck {
  const opened = openEnvelope(message.envelope, trusted, { payloadType: PLAN_PAYLOAD_TYPE, maxPayloadBytes: MAX_PAYLOAD_BYTES });
  if (opened.ok) return opened;
  const { kind, details } = opened.failure;
  const rejection = (() => {
    switch (kind) {
      case 'shape':
        return reject('bad-envelope', 'the envelope is not a DSSE envelope', details);
      case 'payload-type':
        return reject('bad-payload-type', `payloadType must be ${PLAN_PAYLOAD_TYPE}`, details);
      case 'payload-encoding':
        return reject('bad-envelope', 'the payload is not standard base64', details);
      case 'payload-size':
        return reject('bad-envelope', `the payload exceeds ${MAX_PAYLOAD_BYTES} bytes`, details);
      case 'sig-encoding':
        return reject('bad-envelope', 'a signature is not standard base64', details);
      case 'signature':
        return reject('bad-signature', 'no signature by a trusted key verifies', details);
    }
  })();
  return { ok: false, rejection };
}
