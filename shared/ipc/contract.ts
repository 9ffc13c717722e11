// The one IPC contract between the renderer and the main process. Each channel names its
// request and response schema; the preload, the browser-preview client and the main-process
// dispatcher are all derived from this object, so there is one source of truth.
import { z } from 'zod';
import { CHANNEL_NAMES, EVENT_CHANNEL, type ChannelName } from './channels';
import { AnswersOfferSchema } from '../answers/answers-schema';
import { CatalogSchema } from '../plan/catalog';
import { ChoicesSchema } from '../plan/choices';
import { Fido2ParamsSchema, b64urlBytes } from '../plan/plan-schema';
import { UsbDriveSchema } from '../protocol/usb-messages';
import { RECOVERY_KEY_PATTERN } from '../plan/recovery-key';
import { PassphraseWireSchema } from '../plan/passphrase-wire';
import { controlCharacters } from '../plan/secret-policy';
import { MachineSchema } from '../protocol/host-facts';
import { FIDO2_PROTOCOL_ERRORS } from '../protocol/fido2-error-codes';
import { WizardHelperStateSchema, ProgressSchema, ResultSchema, StepStatusSchema, ErrorDetailSchema } from '../protocol/messages';

const Empty = z.strictObject({});
export const PlanId = z.string().regex(/^[0-9a-f]{64}$/);

/** Secrets travel renderer → main once, at Install; the FIDO2 secret never leaves main. */
export const InstallSecretsSchema = z.strictObject({
  // The wizard refuses what the helper would: the policy's control-character rule is checked here too.
  passphrase: PassphraseWireSchema.refine((p) => controlCharacters(p).length === 0, 'contains a control character').optional(),
  fido2EnrollmentId: z.string().max(64).optional(),
  recoveryKey: z.string().regex(RECOVERY_KEY_PATTERN).optional(),
});

export const HelperInfoSchema = z.object({
  protocol: z.number(),
  helper: z.string(),
  machine: MachineSchema,
  catalog: CatalogSchema,
  state: WizardHelperStateSchema,
  /** The machine's answers file as the helper offers (or refused) it. */
  answers: AnswersOfferSchema.optional(),
});
export type HelperInfo = z.infer<typeof HelperInfoSchema>;

export const InstallStartedSchema = z.object({ planId: PlanId, steps: z.array(StepStatusSchema) });
export type InstallStarted = z.infer<typeof InstallStartedSchema>;

export const Fido2DeviceSchema = z.object({
  id: z.string().max(256),
  name: z.string().max(256),
  hasPin: z.boolean(),
  simulated: z.boolean(),
});
export type Fido2Device = z.infer<typeof Fido2DeviceSchema>;

export const Fido2EnrollmentSchema = z.object({
  enrollmentId: z.string().max(64),
  params: Fido2ParamsSchema,
  verified: z.boolean(),
});
export type Fido2Enrollment = z.infer<typeof Fido2EnrollmentSchema>;

/**
 * The part of the wizard's state that may be persisted: never a secret (see the store). The
 * renderer reads `data` back with its own schema and migrates older versions (ADR 110).
 */
export const PersistedWizardStateSchema = z.object({
  version: z.number().int().min(1).max(1000),
  data: z.record(z.string(), z.unknown()),
});
export type PersistedWizardState = z.infer<typeof PersistedWizardStateSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  runtime: z.enum(['electron', 'preview']),
  /** A simulated security key is offered in the sandbox preview only, never in production. */
  simulatedFido2: z.boolean(),
  sandbox: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

export const ipcContract = {
  'app.info': channel(Empty, AppInfoSchema),
  'app.restart': channel(Empty, z.object({ restarting: z.boolean() })),
  'helper.info': channel(Empty, HelperInfoSchema),
  'install.start': channel(
    z.strictObject({ installId: b64urlBytes(16), choices: ChoicesSchema, secrets: InstallSecretsSchema }),
    InstallStartedSchema,
  ),
  'install.attach': channel(z.strictObject({ planId: PlanId }), InstallStartedSchema),
  'install.retry': channel(z.strictObject({ planId: PlanId }), InstallStartedSchema),
  'fido2.devices': channel(Empty, z.object({ devices: z.array(Fido2DeviceSchema), toolsMissing: z.boolean() })),
  'fido2.enroll': channel(z.strictObject({ deviceId: z.string().max(256), pin: z.string().max(255).optional() }), Fido2EnrollmentSchema),
  // Protocol 1.1: the removable drives the helper sees (the USB key-file method).
  'usb.drives': channel(Empty, z.object({ drives: z.array(UsbDriveSchema).max(64) })),
  'fido2.verify': channel(
    z.strictObject({ enrollmentId: z.string().max(64), pin: z.string().max(255).optional() }),
    z.object({ verified: z.boolean() }),
  ),
  'wizardState.load': channel(Empty, PersistedWizardStateSchema.nullable()),
  'wizardState.save': channel(PersistedWizardStateSchema, z.object({ saved: z.boolean() })),
  'wizardState.clear': channel(Empty, z.object({ cleared: z.boolean() })),
  'log.export': channel(z.strictObject({ text: z.string().max(5_000_000) }), z.object({ path: z.string() })),
} as const;

export type IpcContract = typeof ipcContract;
export type Channel = keyof IpcContract;
export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;
// Both directions: every contract channel is named, and every name is in the contract.
type _SameChannels = [Channel] extends [ChannelName] ? ([ChannelName] extends [Channel] ? true : never) : never;
const _sameChannels: _SameChannels = true;
void _sameChannels;
export type RequestOf<C extends Channel> = z.input<IpcContract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<IpcContract[C]['response']>;

/** Events pushed main → renderer. */
export const InstallEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('progress'), progress: ProgressSchema }),
  z.object({ kind: z.literal('result'), result: ResultSchema }),
  // `gave-up`: main stopped attaching again (long silence, or the helper no longer knows the plan).
  z.object({ kind: z.literal('connection'), state: z.enum(['lost', 'restored', 'gave-up']) }),
  // Protocol 1.1: the security key at the helper waits for a touch.
  z.object({ kind: z.literal('fido2'), prompt: z.literal('touch') }),
]);
export type InstallEvent = z.infer<typeof InstallEventSchema>;
export { EVENT_CHANNEL };

/** Errors every channel may answer with, typed so the renderer can localize by code. */
export const IPC_ERROR_CODES = [
  'ipc-unknown-channel',
  'ipc-bad-request',
  'ipc-forbidden-sender',
  'ipc-internal',
  'helper-unreachable',
  'helper-protocol',
  'signing-key-missing',
  ...FIDO2_PROTOCOL_ERRORS,
  // Protocol 1.1: the helper on this computer speaks another minor version.
  'helper-version-mismatch',
] as const;

export const IpcErrorSchema = z.object({
  code: z.string().max(64), // an IPC_ERROR_CODES value or a protocol error code of the helper
  message: z.string().max(2000),
  details: z.array(ErrorDetailSchema).max(64).optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };
