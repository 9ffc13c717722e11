// The answers file (docs/protocol.md, "Answers files"): an organization's choices for every
// machine of a fleet, signed as a DSSE envelope with its own payload type. This one schema is
// what the helper checks, what the wizard reads from `hello`, and what the published JSON Schema
// (docs/answers.schema.json) is generated from.
import { z } from 'zod';
import { VM_ID_PATTERN } from '../plan/catalog';
import { AccessibilitySchema, EncryptionSchema, KeyboardSchema, LocaleTag, b64urlBytes } from '../plan/plan-schema';
import { PROFILES } from '../plan/profiles';
import { FsUuidSchema } from '../protocol/usb-messages';
import { ANSWERS_ERROR_CODES } from './answers-errors';
import { ANSWER_SECTIONS } from './answer-sections';

export const ANSWERS_PAYLOAD_TYPE = 'application/vnd.spectrum.firstboot-answers+json;v=1';

export { ANSWER_SECTIONS, type AnswerSection } from './answer-sections';

/** A signed answers file is a few hundred bytes; anything much larger is refused unread. */
export const MAX_ANSWERS_BYTES = 64 * 1024;

const Organization = z
  .string()
  .min(1)
  .max(80)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'expected a name without control characters')
  .describe('Who decided these answers; the wizard shows "Set by <organization>".');

/**
 * The USB stick an answers file names for method `usb-key`: the key file goes on a stick the
 * helper lists with this file system label (an organization labels its sticks) or UUID.
 */
export const AnswersUsbStickSchema = z
  .strictObject({
    label: z
      .string()
      .min(1)
      .max(64)
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
      .regex(/^[^\u0000-\u001f\u007f]+$/, 'expected a label without control characters')
      .optional()
      .describe('The file system label of the stick (e.g. SPECTRUM-KEY), compared without regard to case.'),
    fsUuid: FsUuidSchema.optional().describe('The file system UUID of one stick, as blkid prints it (e.g. 26A1-B09E).'),
  })
  .describe('Which plugged-in USB stick takes the key file: by label, by UUID, or both (then both must match).');
export type AnswersUsbStick = z.infer<typeof AnswersUsbStickSchema>;

export const EscrowSchema = z
  .strictObject({
    publicKey: b64urlBytes(32)
      .regex(/^[A-Za-z0-9_-]{43}$/, 'expected 32 bytes in base64url')
      .describe('The X25519 public key (32 bytes, base64url without padding) every recovery key is sealed to.'),
  })
  .describe("Recovery-key escrow: the helper seals each machine's recovery key to this key and writes it beside the answers file.");

export const AnswersSchema = z
  .strictObject({
    schema: z.literal(1).describe('The version of this format.'),
    organization: Organization,
    locale: LocaleTag.optional().describe('The language, a BCP 47 tag such as "fi" or "pt-BR".'),
    keyboard: KeyboardSchema.optional().describe('The XKB keyboard layout and variant.'),
    accessibility: AccessibilitySchema.optional(),
    profile: z.enum(PROFILES).optional().describe('The install profile.'),
    apps: z
      .array(z.string().regex(VM_ID_PATTERN, 'expected an app VM id'))
      .max(64)
      .optional()
      .describe("App VM ids of the catalog; they must fit the profile's rules."),
    startFresh: z
      .array(z.string().regex(VM_ID_PATTERN, 'expected an app VM id'))
      .max(64)
      .optional()
      .describe(
        'App VMs of `apps` that keep no files between runs: each starts fresh every time. The others keep their files. Part of the apps section.',
      ),
    encryption: z
      .strictObject({
        method: EncryptionSchema.shape.method,
        recoveryKey: z.boolean().describe('Whether a recovery key is made; methods that always make one need true.'),
        usbStick: AnswersUsbStickSchema.optional().describe('With method usb-key (and only then): the stick that takes the key file.'),
      })
      .optional()
      .describe('How user data is unlocked. Never a passphrase, PIN or key: those stay with the person or the device.'),
    interactive: z
      .array(z.enum(ANSWER_SECTIONS))
      .max(ANSWER_SECTIONS.length)
      .optional()
      .describe(
        'Sections still asked at the machine; a value given for one of them is only pre-filled. A section left out of the file is asked too.',
      ),
    escrow: EscrowSchema.optional(),
  })
  .describe('Spectrum first boot answers file (payload of a DSSE envelope of type ' + ANSWERS_PAYLOAD_TYPE + ').');
export type Answers = z.infer<typeof AnswersSchema>;

export const ANSWERS_DIGEST_PATTERN = /^[0-9a-f]{64}$/;

/**
 * What `hello` says of the answers file (docs/protocol.md, "Answers in hello"): offered, with
 * the digest of the signed payload bytes and the key that signed it, or refused with its code.
 */
export const AnswersOfferSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('offered'),
    digest: z.string().regex(ANSWERS_DIGEST_PATTERN),
    keyId: z.string().regex(/^[0-9a-f]{64}$/),
    answers: AnswersSchema,
  }),
  z.object({
    status: z.literal('refused'),
    code: z.enum(ANSWERS_ERROR_CODES),
    message: z.string().max(2000),
  }),
]);
export type AnswersOffer = z.infer<typeof AnswersOfferSchema>;
