// A DSSE envelope's shape, payload type and Ed25519 signature by a trusted key, checked before a
// byte of its payload is parsed. Plans (check-envelope.ts) and answers files (host/answers/) are
// both opened here; each turns a failure into its own error codes.
import { EnvelopeSchema, type Envelope } from '../../shared/protocol/messages';
import { pae } from '../../shared/protocol/dsse';
import { jsonPointer, type PlanProblem } from '../../shared/plan/plan-schema';
import { base64 } from '../../shared/util/bytes';
import type { TrustedKeys } from '../keys/trusted-keys';

export interface EnvelopeExpectation {
  readonly payloadType: string;
  readonly maxPayloadBytes: number;
}

export type EnvelopeFailure =
  | { readonly kind: 'shape' | 'payload-type' | 'payload-encoding' | 'payload-size' | 'sig-encoding'; readonly details: PlanProblem[] }
  /** No signature verifies; `keyKnown` says whether any signature named a trusted key. */
  | { readonly kind: 'signature'; readonly keyKnown: boolean; readonly details: PlanProblem[] };

export type OpenedEnvelope =
  | { readonly ok: true; readonly envelope: Envelope; readonly payload: Uint8Array; readonly keyId: string }
  | { readonly ok: false; readonly failure: EnvelopeFailure };

const fail = (failure: EnvelopeFailure): OpenedEnvelope => ({ ok: false, failure });

export function openEnvelope(value: unknown, trusted: TrustedKeys, expect: EnvelopeExpectation): OpenedEnvelope {
  const shape = EnvelopeSchema.safeParse(value);
  if (!shape.success) {
    return fail({
      kind: 'shape',
      details: shape.error.issues.slice(0, 16).map((i) => ({ path: '/envelope' + jsonPointer(i.path), problem: i.message })),
    });
  }
  const envelope = shape.data;
  if (envelope.payloadType !== expect.payloadType) {
    return fail({ kind: 'payload-type', details: [{ path: '/envelope/payloadType', problem: 'unexpected payload type' }] });
  }
  const payload = base64.decode(envelope.payload);
  if (payload === null || payload.length === 0) {
    return fail({ kind: 'payload-encoding', details: [{ path: '/envelope/payload', problem: 'expected standard base64' }] });
  }
  if (payload.length > expect.maxPayloadBytes) {
    return fail({ kind: 'payload-size', details: [{ path: '/envelope/payload', problem: 'too large' }] });
  }
  const sigs: { keyid: string; sig: Uint8Array }[] = [];
  for (const [i, s] of envelope.signatures.entries()) {
    const sig = base64.decode(s.sig);
    if (sig === null)
      return fail({ kind: 'sig-encoding', details: [{ path: `/envelope/signatures/${i}/sig`, problem: 'expected standard base64' }] });
    sigs.push({ keyid: s.keyid, sig });
  }
  const message = pae(envelope.payloadType, payload);
  for (const s of sigs) {
    const signer = trusted.findSigner(message, s.sig, s.keyid);
    if (signer) return { ok: true, envelope, payload, keyId: signer.keyId };
  }
  // The keyid is only a hint, but it tells a changed payload (a trusted key named) from a
  // signature by someone else: the two get different errors, neither is accepted.
  const keyKnown = sigs.some((s) => trusted.has(s.keyid));
  return fail({ kind: 'signature', keyKnown, details: [{ path: '/envelope/signatures', problem: 'no valid signature by a trusted key' }] });
}
