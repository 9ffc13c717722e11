// Protocol 1.1: the security key at the helper (docs/protocol.md §14.3). The key is plugged into
// the computer, which only the helper can reach: the wizard asks it to list keys, to enroll one
// (make a credential for rp io.systemd.cryptsetup and derive the hmac-secret, as
// systemd-cryptenroll does) and to test it. The PIN travels sealed, as the plan's secrets do;
// the secret stays in the helper, named by an enrollment id the plan refers to.
import { z } from 'zod';
import { Fido2ParamsSchema, SealedSchema } from '../plan/plan-schema';

export const Fido2KeySchema = z.object({
  id: z.string().max(256),
  name: z.string().max(256),
  hasPin: z.boolean(),
  simulated: z.boolean(),
});
export type Fido2Key = z.infer<typeof Fido2KeySchema>;

export const EnrollmentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'expected 16 bytes in base64url');

// Wizard → helper. Each on a connection of its own, after `hello`.
export const Fido2DevicesRequestSchema = z.object({ type: z.literal('fido2-devices') });
export const Fido2EnrollRequestSchema = z.object({
  type: z.literal('fido2-enroll'),
  deviceId: z.string().min(1).max(256),
  /** The key's PIN sealed to this session (HPKE, info `spectrum-firstboot/v1 pin <session>`, aad the nonce), or null. */
  pin: SealedSchema.nullable(),
});
export const Fido2VerifyRequestSchema = z.object({
  type: z.literal('fido2-verify'),
  enrollmentId: EnrollmentIdSchema,
  pin: SealedSchema.nullable(),
});

// Helper → wizard.
export const Fido2DevicesSchema = z.object({
  type: z.literal('fido2-devices'),
  keys: z.array(Fido2KeySchema).max(32),
  toolsMissing: z.boolean(),
});
/** The key waits for a touch: the wizard says "touch your key". */
export const Fido2PromptSchema = z.object({ type: z.literal('fido2-prompt'), prompt: z.literal('touch') });
export const Fido2EnrolledSchema = z.object({
  type: z.literal('fido2-enrolled'),
  enrollmentId: EnrollmentIdSchema,
  params: Fido2ParamsSchema,
  /** A fresh assertion gave the same secret. */
  verified: z.boolean(),
});
export const Fido2VerifiedSchema = z.object({ type: z.literal('fido2-verified'), verified: z.boolean() });
export type Fido2Enrolled = z.infer<typeof Fido2EnrolledSchema>;

export { FIDO2_PROTOCOL_ERRORS } from './fido2-error-codes';
