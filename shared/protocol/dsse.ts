// DSSE's pre-authentication encoding: what is signed is PAE(payloadType, payload), never the
// JSON, so a signature covers exactly the bytes that are parsed after it verifies. Plans and
// answers files are both this envelope, each with its own payload type.
import { base64, concatBytes, utf8Encode } from '../util/bytes';
import type { Envelope } from './messages';

export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = utf8Encode(payloadType);
  return concatBytes(utf8Encode(`DSSEv1 ${type.length} `), type, utf8Encode(` ${payload.length} `), payload);
}

/** Signs PAE bytes: Ed25519 with the caller's key (Node's crypto lives outside shared/). */
export interface PaeSigner {
  /** hex sha256 of the raw 32-byte public key. */
  readonly keyId: string;
  sign(message: Uint8Array): Uint8Array;
}

/** The envelope of `payload`, signed by `signer` over PAE(payloadType, payload). */
export function signEnvelope(payloadType: string, payload: Uint8Array, signer: PaeSigner): Envelope {
  return {
    payloadType,
    payload: base64.encode(payload),
    signatures: [{ keyid: signer.keyId, sig: base64.encode(signer.sign(pae(payloadType, payload))) }],
  };
}
