// docs/protocol.md §5.1 and §5.2: the envelope's shape and payloadType, then an Ed25519 signature over
// DSSE's PAE by a trusted key, all before a byte of the payload is parsed.
import { EnvelopeSchema, type Envelope } from '../../shared/protocol/messages';
import { pae } from '../../shared/protocol/dsse';
import { PLAN_PAYLOAD_TYPE, jsonPointer } from '../../shared/plan/plan-schema';
import { base64 } from '../../shared/util/bytes';
import type { TrustedKeys } from '../keys/trusted-keys';
import { reject, type Rejection } from './rejection';

/** A valid plan payload is a few KiB; a larger one is refused before any work is spent on it. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

export type EnvelopeCheck =
  | { readonly ok: true; readonly envelope: Envelope; readonly payload: Uint8Array; readonly keyId: string }
  | { readonly ok: false; readonly rejection: Rejection };

export function checkEnvelope(message: { readonly [key: string]: unknown }, trusted: TrustedKeys): EnvelopeCheck {
  const shape = EnvelopeSchema.safeParse(message.envelope);
  if (!shape.success) {
    const details = shape.error.issues.slice(0, 16).map((i) => ({ path: '/envelope' + jsonPointer(i.path), problem: i.message }));
    return { ok: false, rejection: reject('bad-envelope', 'the envelope is not a DSSE envelope', details) };
  }
  const envelope = shape.data;
  if (envelope.payloadType !== PLAN_PAYLOAD_TYPE) {
    return { ok: false, rejection: reject('bad-payload-type', `payloadType must be ${PLAN_PAYLOAD_TYPE}`, [{ path: '/envelope/payloadType', problem: 'unexpected payload type' }]) };
  }
  const payload = base64.decode(envelope.payload);
  if (payload === null || payload.length === 0) {
    return { ok: false, rejection: reject('bad-envelope', 'the payload is not standard base64', [{ path: '/envelope/payload', problem: 'expected standard base64' }]) };
  }
  if (payload.length > MAX_PAYLOAD_BYTES) {
    return { ok: false, rejection: reject('bad-envelope', `the payload exceeds ${MAX_PAYLOAD_BYTES} bytes`, [{ path: '/envelope/payload', problem: 'too large' }]) };
  }
  const sigs: { keyid: string; sig: Uint8Array }[] = [];
  for (const [i, s] of envelope.signatures.entries()) {
    const sig = base64.decode(s.sig);
    if (sig === null) {
      return { ok: false, rejection: reject('bad-envelope', 'a signature is not standard base64', [{ path: `/envelope/signatures/${i}/sig`, problem: 'expected standard base64' }]) };
    }
    sigs.push({ keyid: s.keyid, sig });
  }
  const message2 = pae(envelope.payloadType, payload);
  for (const s of sigs) {
    const signer = trusted.findSigner(message2, s.sig, s.keyid);
    if (signer) return { ok: true, envelope, payload, keyId: signer.keyId };
  }
  return { ok: false, rejection: reject('bad-signature', 'no signature by a trusted key verifies', [{ path: '/envelope/signatures', problem: 'no valid signature by a trusted key' }]) };
}
