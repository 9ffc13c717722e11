// DSSE's pre-authentication encoding: what is signed is PAE(payloadType, payload), never the
// JSON, so a signature covers exactly the bytes that are parsed after it verifies.
import { concatBytes, utf8Encode } from '../util/bytes';

export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = utf8Encode(payloadType);
  return concatBytes(
    utf8Encode(`DSSEv1 ${type.length} `),
    type,
    utf8Encode(` ${payload.length} `),
    payload,
  );
}
