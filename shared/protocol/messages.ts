// Every message of docs/protocol.md §3.2, §4, as schemas. Both sides validate what they receive with these.
import { z } from 'zod';
import { AnswersOfferSchema } from '../answers/answers-schema';
import { CatalogSchema } from '../plan/catalog';
import { Rfc3339Utc, b64urlBytes } from '../plan/plan-schema';
import { STEP_IDS, STEP_STATES } from '../plan/steps';
import { PROTOCOL_ERROR_CODES, STEP_FAILURE_CODES } from './error-codes';
import { MachineSchema } from './host-facts';
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

/** A step's expected duration in ms: at most an hour. */
const EstimateMs = z.number().int().nonnegative().max(3_600_000);

export const StepStatusSchema = z.object({
  id: z.enum(STEP_IDS),
  state: z.enum(STEP_STATES).optional(),
  /** Why a step was skipped (`sandbox`), when it was. */
  reason: z.string().max(64).optional(),
  startedAt: Rfc3339Utc.optional(),
  endedAt: Rfc3339Utc.optional(),
  /** The helper's estimate of the step's duration (docs/protocol.md, "Step estimates"). */
  expectedMs: EstimateMs.optional(),
});
export type StepStatus = z.infer<typeof StepStatusSchema>;

const FreshStateSchema = z.object({ phase: z.literal('fresh') });
const PlanStateSchema = z.object({
  phase: z.enum(['applying', 'failed', 'provisioned']),
  planId: PlanId,
  steps: z.array(StepStatusSchema).max(STEP_IDS.length),
});
/** Why the helper cannot use the user-data target now (docs/protocol.md §3 "`state` unavailable"). */
export const TARGET_UNAVAILABLE_REASONS = ['target-busy', 'target-unreadable'] as const;
const UnavailableStateSchema = z.object({ phase: z.literal('unavailable'), reason: z.enum(TARGET_UNAVAILABLE_REASONS) });

export const HelperStateSchema = z.discriminatedUnion('phase', [FreshStateSchema, PlanStateSchema, UnavailableStateSchema]);
export type HelperState = z.infer<typeof HelperStateSchema>;
/** The states a wizard goes on from: nothing yet, or a plan. `unavailable` means "wait". */
export const WizardHelperStateSchema = z.discriminatedUnion('phase', [FreshStateSchema, PlanStateSchema]);
export type WizardHelperState = z.infer<typeof WizardHelperStateSchema>;

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
  machine: MachineSchema,
  catalog: CatalogSchema,
  state: HelperStateSchema,
  /** The machine's answers file, when it has one (docs/protocol.md, "Answers in hello"). */
  answers: AnswersOfferSchema.optional(),
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
  /** With `running`: the step's current estimate (docs/protocol.md, "Step estimates"). */
  expectedMs: EstimateMs.optional(),
});
export type Progress = z.infer<typeof ProgressSchema>;

export const ReceiptAnswersSchema = z.object({
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  keyId: z.string().regex(/^[0-9a-f]{64}$/),
  organization: z.string().max(80),
  escrow: z.string().max(80).optional(),
});

export type ReceiptAnswers = z.infer<typeof ReceiptAnswersSchema>;

export const ReceiptSchema = z.object({
  planId: PlanId,
  installId: z.string(),
  keyId: z.string(),
  helper: z.string(),
  completedAt: Rfc3339Utc,
  mount: z.string(),
  steps: z.array(StepStatusSchema),
  envelope: z.unknown(),
  /** The answers file the plan followed, and the escrowed recovery key's file name, if any. */
  answers: ReceiptAnswersSchema.optional(),
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
