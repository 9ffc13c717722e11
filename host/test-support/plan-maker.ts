// Builds and signs plans the way the wizard does (shared builder, HPKE seal, the wizard's DSSE
// envelope signer), with hooks to break them on purpose.
import { createHash, createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildPlanPayload } from '../../shared/plan/build-plan';
import type { Choices } from '../../shared/plan/choices';
import { PLAN_PAYLOAD_TYPE, type Fido2Params, type PlanPayload } from '../../shared/plan/plan-schema';
import type { Hello } from '../../shared/protocol/messages';
import { sealSecrets, type SealedSecrets } from '../../shared/protocol/seal';
import { base64, base64url, utf8Encode } from '../../shared/util/bytes';
import { signerFromKey } from '../../shared-node/crypto/envelope-signer';

export const COMMON_CHOICES: Choices = {
  locale: 'fi',
  keyboard: { layout: 'fi', variant: '' },
  accessibility: { highContrast: false, largeText: true, reduceMotion: false, screenReader: false },
  profile: 'common',
  // browser is built in (nothing written); files and mail become user VMs, mail with network.
  apps: ['browser', 'files', 'mail'],
  encryption: { method: 'passphrase', recoveryKey: true },
};

export interface PlanSpec {
  readonly hello: Hello;
  readonly signer: KeyObject;
  readonly secrets: SealedSecrets;
  readonly installId?: string;
  readonly choices?: Partial<Choices>;
  readonly fido2?: Fido2Params | null;
  /** The digest of the answers file the plan follows (hello.answers). */
  readonly answersDigest?: string;
  /** Change the payload after it is built (before sealing is reused and signing). */
  readonly mutate?: (payload: PlanPayload) => unknown;
  /** Change the payload bytes after signing (tampering). */
  readonly tamper?: (bytes: Uint8Array) => Uint8Array;
  /** Seal to another key or session (bad-seal). */
  readonly sealTo?: { readonly publicKey: string; readonly session: string; readonly nonce: string };
}

export interface MadePlan {
  readonly frame: { type: 'plan'; envelope: { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] } };
  readonly payload: PlanPayload;
  readonly planId: string;
}

export function loadSigner(pemFile: string): KeyObject {
  return createPrivateKey(readFileSync(pemFile));
}

export function newInstallId(): string {
  return base64url.encode(randomBytes(16));
}

export async function makePlan(spec: PlanSpec): Promise<MadePlan> {
  const { hello } = spec;
  const to = spec.sealTo ?? { publicKey: hello.seal.publicKey, session: hello.session, nonce: hello.nonce };
  const sealed = await sealSecrets(to.publicKey, to.session, to.nonce, spec.secrets);
  const choices = { ...COMMON_CHOICES, ...spec.choices };
  const payload = buildPlanPayload(choices, {
    installId: spec.installId ?? newInstallId(),
    session: hello.session,
    nonce: hello.nonce,
    createdAt: new Date().toISOString(),
    sealed,
    fido2: spec.fido2 ?? null,
    answersDigest: spec.answersDigest,
  });
  const value = spec.mutate ? spec.mutate(structuredClone(payload)) : payload;
  let bytes = utf8Encode(JSON.stringify(value));
  const envelope = signerFromKey(spec.signer).sign(PLAN_PAYLOAD_TYPE, bytes);
  if (spec.tamper) bytes = spec.tamper(bytes);
  return {
    frame: { type: 'plan', envelope: { ...envelope, payload: base64.encode(bytes) } },
    payload,
    planId: createHash('sha256').update(bytes).digest('hex'),
  };
}
