// docs/protocol.md §5.1 to §5.5 for one `plan` frame: envelope, signature, session, plan rules, seal.
// docs/protocol.md §5.6 (busy, provisioned, the target) is admission: see admit-plan.ts.
import { createHash } from 'node:crypto';
import type { Catalog } from '../../shared/plan/catalog';
import { validatePlan } from '../../shared/plan/plan-schema';
import { openSealed, type SealedSecrets } from '../../shared/protocol/seal';
import { utf8Decode } from '../../shared/util/bytes';
import { answersUsbStick } from '../../shared/answers/answers-policy';
import { checkPlanAnswers } from '../answers/check-plan-answers';
import type { LoadedAnswers } from '../answers/load-answers';
import type { VerifiedPlan } from '../apply/step-types';
import type { TrustedKeys } from '../keys/trusted-keys';
import type { SessionTable } from '../session/session-table';
import { checkEnvelope } from './check-envelope';
import { checkSecrets } from './check-secrets';
import { checkUsbKey } from './check-usb-key';
import type { RemovableDrives } from '../usb/removable-drives';
import type { HelperFido2 } from '../fido2/helper-fido2';
import { reject, type Rejection } from './rejection';

export interface VerifyDeps {
  readonly trusted: TrustedKeys;
  readonly sessions: SessionTable;
  readonly catalog: Catalog;
  /** The machine's answers file, if it has one: plans are held to it. */
  readonly answers: LoadedAnswers | null;
  readonly drives: RemovableDrives;
  readonly securityKeys: HelperFido2;
}

export type Verification =
  | {
      readonly ok: true;
      readonly plan: VerifiedPlan;
      readonly secrets: SealedSecrets;
      /** Protocol 1.1: S of the security key the plan's `fido2Enrollment` names (the caller wipes it). */
      readonly enrolled?: { readonly id: string; readonly secret: Buffer };
    }
  | { readonly ok: false; readonly rejection: Rejection };

const fail = (rejection: Rejection): Verification => ({ ok: false, rejection });

function parsePayload(bytes: Uint8Array): Record<string, unknown> | null {
  const text = utf8Decode(bytes);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function verifyPlan(
  message: { readonly [key: string]: unknown },
  connectionId: number,
  deps: VerifyDeps,
): Promise<Verification> {
  const env = checkEnvelope(message, deps.trusted);
  if (!env.ok) return fail(env.rejection);

  const value = parsePayload(env.payload);
  if (!value)
    return fail(reject('invalid-plan', 'the payload is not a UTF-8 JSON object', [{ path: '', problem: 'expected a JSON object' }]));
  const claim = deps.sessions.claim(value.session, value.nonce, connectionId);
  if (!claim.ok) return fail(reject(claim.code, claim.problem, [{ path: claim.path, problem: claim.problem }]));
  const session = claim.session;
  const seal = session.seal;
  session.seal = null; // one plan per session: its key is not needed after this one

  const checked = validatePlan(value, deps.catalog, session.userDataBytes);
  if (!checked.ok) {
    const message2 =
      checked.code === 'insufficient-space' ? 'the selection does not fit the user-data target' : 'the plan breaks the plan rules';
    return fail(reject(checked.code, message2, checked.details));
  }
  const payload = checked.plan;
  const answers = checkPlanAnswers(payload, deps.answers);
  if (!answers.ok) return fail(answers.rejection);

  const secrets = seal ? await openSealed(seal.keyPair, session.id, session.nonce, payload.encryption.sealed) : null;
  if (!secrets) {
    return fail(
      reject('bad-seal', "the sealed secrets do not open with this session's key or are not well formed", [
        { path: '/encryption/sealed', problem: 'does not open' },
      ]),
    );
  }
  const secretRejection = checkSecrets(payload, secrets);
  if (secretRejection) return fail(secretRejection);
  const offered = deps.answers?.status === 'offered' ? deps.answers.answers : null;
  const stickRejection = await checkUsbKey(payload, deps.drives.sticks, offered && answersUsbStick(offered));
  if (stickRejection) return fail(stickRejection);
  let enrolled: { id: string; secret: Buffer } | undefined;
  if ('fido2Enrollment' in secrets) {
    const found = deps.securityKeys.secretOf(secrets.fido2Enrollment);
    if (!found) {
      return fail(
        reject('invalid-plan', 'the helper holds no such security-key enrollment', [
          {
            path: '/encryption/sealed/fido2Enrollment',
            problem: 'unknown enrollment (the helper may have restarted): set the security key up again',
          },
        ]),
      );
    }
    const planned = payload.encryption.fido2;
    const same =
      planned !== null && (Object.keys(found.params) as (keyof typeof found.params)[]).every((k) => found.params[k] === planned[k]);
    if (!same) {
      found.secret.fill(0);
      return fail(
        reject('invalid-plan', "the plan's FIDO2 parameters are not those of its enrollment", [
          { path: '/encryption/fido2', problem: 'does not match the enrollment' },
        ]),
      );
    }
    enrolled = { id: secrets.fido2Enrollment, secret: found.secret };
  }

  const planId = createHash('sha256').update(env.payload).digest('hex');
  return {
    ok: true,
    plan: { planId, payload, envelope: env.envelope, keyId: env.keyId, ...(answers.use ? { answers: answers.use } : {}) },
    secrets,
    ...(enrolled ? { enrolled } : {}),
  };
}
