// Builds the plan payload for a fresh hello, seals its secrets to the helper's key and signs
// it: the exact bytes that are signed are the bytes whose sha256 is the plan id.
import { createHash } from 'node:crypto';
import type { Choices } from '../../../shared/plan/choices';
import { buildPlanPayload } from '../../../shared/plan/build-plan';
import { PLAN_PAYLOAD_TYPE, type Fido2Params } from '../../../shared/plan/plan-schema';
import type { Envelope, Hello } from '../../../shared/protocol/messages';
import { sealSecrets, type SealedSecrets } from '../../../shared/protocol/seal';
import type { Signer } from '../../../shared-node/crypto/envelope-signer';

export interface SignedPlan {
  readonly envelope: Envelope;
  /** hex sha256 of the payload bytes, as the helper will name the plan. */
  readonly planId: string;
}

export async function buildSignedPlan(
  input: { choices: Choices; installId: string; hello: Hello; secrets: SealedSecrets; fido2: Fido2Params | null; createdAt: Date },
  signer: Signer,
): Promise<SignedPlan> {
  const { hello } = input;
  const sealed = await sealSecrets(hello.seal.publicKey, hello.session, hello.nonce, input.secrets);
  const payload = buildPlanPayload(input.choices, {
    installId: input.installId,
    session: hello.session,
    nonce: hello.nonce,
    createdAt: input.createdAt.toISOString(),
    sealed,
    fido2: input.fido2,
    // The choices follow the answers this helper offers: the plan says which file (by digest).
    answersDigest: hello.answers?.status === 'offered' ? hello.answers.digest : undefined,
  });
  const bytes = Buffer.from(JSON.stringify(payload), 'utf8');
  return {
    envelope: signer.sign(PLAN_PAYLOAD_TYPE, bytes),
    planId: createHash('sha256').update(bytes).digest('hex'),
  };
}
