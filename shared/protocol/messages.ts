// Every message of PROTOCOL.md §4, as schemas. Both sides validate what they receive with these.
import { z } from 'zod';
import { CatalogSchema } from '../plan/catalog';
import { Rfc3339Utc, b64urlBytes } from '../plan/plan-schema';
import { STEP_IDS, STEP_STATES } from '../plan/steps';
import { PROTOCOL_ERROR_CODES, STEP_FAILURE_CODES } from './error-codes';
import { MinorSchema } from './minor';
import { UsbDrivesRequestSchema, UsbDrivesSchema } from './usb-messages';
import {
  Fido2DevicesRequestSchema,
  Fido2DevicesSchema,
  Fido2EnrollRequestSchema,
  Fido2EnrolledSchema,
  Fido2PromptSchema,
  Fido2VerifiedSchema,
  Fido2VerifyRequestSchema,
} from './fido2-messages';

export const PROTOCOL_VERSION = 1;
export const VSOCK_PORT = 5219;
export const HOST_CID = 2;
export const SEAL_SUITE = 'X25519-HKDF-SHA256/HKDF-SHA256/ChaCha20Poly1305';

const PlanId = z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex sha256');

export const StepStatusSchema = z.object({
  id: z.enum(STEP_IDS),
  state: z.enum(STEP_STATES).optional(),
  /** Why a step was skipped (`sandbox`), when it was. */
  reason: z.string().max(64).optional(),
  startedAt: Rfc3339Utc.optional(),
  endedAt: Rfc3339Utc.optional(),
});
export type StepStatus = z.infer<typeof StepStatusSchema>;

export const HelperStateSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('fresh') }),
  z.object({
    phase: z.enum(['applying', 'failed', 'provisioned']),
    planId: PlanId,
    steps: z.array(StepStatusSchema).max(STEP_IDS.length),
  }),
]);
export type HelperState = z.infer<typeof HelperStateSchema>;

export const HelloSchema = z.object({
  type: z.literal('hello'),
  protocol: z.literal(PROTOCOL_VERSION),
  /** The helper's minor version (absent before minor 1: read as 0). */
  minor: MinorSchema.default(0),
  helper: z.string().max(64),
  session: b64urlBytes(16),
  nonce: b64urlBytes(32),
  expiresAt: Rfc3339Utc,
  seal: z.object({ suite: z.literal(SEAL_SUITE), publicKey: b64urlBytes(32) }),
  machine: z.object({
    userDataBytes: z.number().int().nonnegative(),
    memoryBytes: z.number().int().nonnegative(),
  }),
  catalog: CatalogSchema,
  state: HelperStateSchema,
});
export type Hello = z.infer<typeof HelloSchema>;

export const AcceptedSchema = z.object({
  type: z.literal('accepted'),
  planId: PlanId,
  steps: z.array(StepStatusSchema).max(STEP_IDS.length),
});
export type Accepted = z.infer<typeof AcceptedSchema>;

export const ProgressSchema = z.object({
  type: z.literal('progress'),
  planId: PlanId,
  step: z.enum(STEP_IDS),
  state: z.enum(STEP_STATES),
  index: z.number().int().min(1),
  total: z.number().int().min(1),
  elapsedMs: z.number().int().nonnegative(),
  reason: z.string().max(64).optional(),
});
export type Progress = z.infer<typeof ProgressSchema>;

export const ReceiptSchema = z.object({
  planId: PlanId,
  installId: z.string(),
  keyId: z.string(),
  helper: z.string(),
  completedAt: Rfc3339Utc,
  mount: z.string(),
  steps: z.array(StepStatusSchema),
  envelope: z.unknown(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const ResultSchema = z.discriminatedUnion('ok', [
  z.object({ type: z.literal('result'), planId: PlanId, ok: z.literal(true), receipt: ReceiptSchema }),
  z.object({
    type: z.literal('result'),
    planId: PlanId,
    ok: z.literal(false),
    step: z.enum(STEP_IDS),
    code: z.enum(STEP_FAILURE_CODES),
    message: z.string().max(2000),
    retryable: z.boolean(),
  }),
]);
export type Result = z.infer<typeof ResultSchema>;

export const ErrorDetailSchema = z.object({ path: z.string().max(200), problem: z.string().max(500) });
export const ErrorFrameSchema = z.object({
  type: z.literal('error'),
  code: z.enum(PROTOCOL_ERROR_CODES),
  message: z.string().max(2000),
  details: z.array(ErrorDetailSchema).max(64).optional(),
});
export type ErrorFrame = z.infer<typeof ErrorFrameSchema>;

export const HelperMessageSchema = z.discriminatedUnion('type', [
  HelloSchema,
  AcceptedSchema,
  ProgressSchema,
  ResultSchema,
  ErrorFrameSchema,
  UsbDrivesSchema,
  Fido2DevicesSchema,
  Fido2PromptSchema,
  Fido2EnrolledSchema,
  Fido2VerifiedSchema,
]);
export type HelperMessage = z.infer<typeof HelperMessageSchema>;

export const EnvelopeSchema = z.strictObject({
  payloadType: z.string().max(200),
  payload: z.string().max(1_400_000),
  signatures: z
    .array(z.strictObject({ keyid: z.string().max(128), sig: z.string().max(200) }))
    .min(1)
    .max(8),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

export const PlanMessageSchema = z.object({ type: z.literal('plan'), envelope: EnvelopeSchema });
export const AttachSchema = z.object({ type: z.literal('attach'), planId: PlanId });
export const RetrySchema = z.object({ type: z.literal('retry'), planId: PlanId });

export const WIZARD_MESSAGE_TYPES = ['plan', 'attach', 'retry', 'usb-drives', 'fido2-devices', 'fido2-enroll', 'fido2-verify'] as const;
export const WizardMessageSchema = z.discriminatedUnion('type', [
  PlanMessageSchema,
  AttachSchema,
  RetrySchema,
  UsbDrivesRequestSchema,
  Fido2DevicesRequestSchema,
  Fido2EnrollRequestSchema,
  Fido2VerifyRequestSchema,
]);
export type WizardMessage = z.infer<typeof WizardMessageSchema>;
