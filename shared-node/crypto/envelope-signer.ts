// Signs DSSE envelopes (docs/protocol.md §4.2) with an Ed25519 private key: the wizard's plans,
// an organization's answers files, and the tests that make either.
import { sign, type KeyObject } from 'node:crypto';
import { signEnvelope } from '../../shared/protocol/dsse';
import type { Envelope } from '../../shared/protocol/messages';
import { keyIdOf } from './ed25519';

export interface Signer {
  /** hex sha256 of the raw 32-byte public key: the DSSE keyid. */
  readonly keyId: string;
  sign(payloadType: string, payload: Uint8Array): Envelope;
}

export function signerFromKey(privateKey: KeyObject): Signer {
  const keyId = keyIdOf(privateKey);
  return {
    keyId,
    sign(payloadType, payload) {
      return signEnvelope(payloadType, payload, { keyId, sign: (message) => sign(null, message, privateKey) });
    },
  };
}
