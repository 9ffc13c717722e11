// A software model of a FIDO2 authenticator's hmac-secret extension, for tests without a key:
// the credential carries a random credRandom, and hmac-secret(salt) = HMAC-SHA256(credRandom, salt)
// (CTAP 2.1, section 12.5, one salt). Enough to check that the helper enrolls what systemd expects.
import { createHmac, randomBytes } from 'node:crypto';
import type { Fido2Params } from '../../shared/plan/plan-schema';
import { FIDO2_RP_ID } from '../../shared/plan/plan-schema';
import { base64 } from '../../shared/util/bytes';
import type { PlanSpec } from './plan-maker';

export interface SoftwareEnrollment {
  readonly params: Fido2Params;
  /** Standard base64 of S = hmac-secret(salt): the keyslot passphrase systemd uses. */
  readonly secret: string;
  readonly credRandom: Uint8Array;
}

export function hmacSecret(credRandom: Uint8Array, salt: Uint8Array): Uint8Array {
  return createHmac('sha256', credRandom).update(salt).digest();
}

export function softwareEnrollment(): SoftwareEnrollment {
  const credentialId = randomBytes(64);
  const credRandom = randomBytes(32);
  const salt = randomBytes(32);
  return {
    params: {
      credential: base64.encode(credentialId),
      salt: base64.encode(salt),
      rp: FIDO2_RP_ID,
      clientPinRequired: true,
      upRequired: true,
      uvRequired: false,
    },
    secret: base64.encode(hmacSecret(credRandom, salt)),
    credRandom,
  };
}

/**
 * What a plan carries after this key was enrolled, as the wizard makes it: FIDO2 with a recovery
 * key, the enrollment's parameters, and S and the recovery key as the sealed secrets.
 */
export function fido2PlanParts(
  enrollment: SoftwareEnrollment,
  recoveryKey: string,
): Required<Pick<PlanSpec, 'choices' | 'fido2' | 'secrets'>> {
  return {
    choices: { encryption: { method: 'fido2', recoveryKey: true } },
    fido2: enrollment.params,
    secrets: { fido2Secret: enrollment.secret, recoveryKey },
  };
}
