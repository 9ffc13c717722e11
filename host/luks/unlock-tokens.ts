// The tokens the unlock program reads from a user-data header before anything is open: what
// first boot enrolled (FIDO2, USB key file, recovery key), the keyboard and language of the
// prompt. The header is read without a key, so every field is checked as untrusted input.
import { z } from 'zod';
import { base64 } from '../../shared/util/bytes';
import type { Luks2Metadata } from './luks-tokens';
import { STICK_FS_TYPES, type StickFsType } from '../../shared/plan/usb-key';

const Keyslots = z
  .array(z.string().regex(/^\d{1,2}$/))
  .min(1)
  .max(32);
const Std64 = z
  .string()
  .max(4096)
  .refine((s) => (base64.decode(s)?.length ?? 0) > 0, 'expected standard base64');

/** Console keymap names as kbd spells them (`fi`, `de-latin1`, `sv-latin1`). */
export const KeymapNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/);

export const KeyboardTokenSchema = z.object({
  type: z.literal('spectrum-keyboard'),
  keymap: KeymapNameSchema,
  xkbLayout: z.string().max(64),
  xkbVariant: z.string().max(64),
  /** The setup's language (BCP 47), for the prompt's words; absent in headers of older helpers. */
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
});
export type KeyboardToken = z.infer<typeof KeyboardTokenSchema>;

/** As systemd-cryptenroll writes it; missing flags read as systemd reads them (PIN and presence). */
export const SystemdFido2TokenSchema = z.object({
  type: z.literal('systemd-fido2'),
  keyslots: Keyslots,
  'fido2-credential': Std64,
  'fido2-salt': Std64,
  'fido2-rp': z.string().min(1).max(256).default('io.systemd.cryptsetup'),
  'fido2-clientPin-required': z.boolean().default(true),
  'fido2-up-required': z.boolean().default(true),
  'fido2-uv-required': z.boolean().default(false),
});
export type SystemdFido2Token = z.infer<typeof SystemdFido2TokenSchema>;

export const USB_KEY_TOKEN_TYPE = 'spectrum-usb-key';
/** The folder on a stick's file system that holds Spectrum key files. */
export const USB_KEY_FOLDER = 'spectrum-unlock';
/** A key file's path on the stick: in USB_KEY_FOLDER, a plain name. */
export const UsbKeyPathSchema = z.string().regex(new RegExp(`^${USB_KEY_FOLDER}/[A-Za-z0-9_-]{1,64}\\.key$`));
export { STICK_FS_TYPES, type StickFsType } from '../../shared/plan/usb-key';

export const UsbKeyTokenSchema = z.object({
  type: z.literal(USB_KEY_TOKEN_TYPE),
  keyslots: Keyslots,
  /** The stick's file system UUID (blkid's UUID: `26A1-B09E` for vfat, a UUID for ext4). */
  fsUuid: z.string().regex(/^[0-9A-Fa-f-]{4,64}$/),
  fsType: z.enum(STICK_FS_TYPES),
  path: UsbKeyPathSchema,
});
export type UsbKeyToken = z.infer<typeof UsbKeyTokenSchema>;

export function usbKeyToken(keyslot: number, fsUuid: string, fsType: StickFsType, path: string): UsbKeyToken {
  return { type: USB_KEY_TOKEN_TYPE, keyslots: [String(keyslot)], fsUuid, fsType, path };
}

/** What a header says about how it can be opened. Malformed tokens are left out, as systemd does. */
export interface UnlockMethods {
  readonly keyboard: KeyboardToken | null;
  readonly fido2: readonly SystemdFido2Token[];
  readonly usbKeys: readonly UsbKeyToken[];
  /** Keyslots of the systemd-recovery token. */
  readonly recoverySlots: readonly string[];
  /** Keyslots no token claims: opened by a typed passphrase. */
  readonly passphraseSlots: readonly string[];
}

export function unlockMethods(meta: Luks2Metadata): UnlockMethods {
  const tokens = Object.values(meta.tokens);
  const parsed = <T>(schema: z.ZodType<T>, type: string): T[] =>
    tokens
      .filter((t) => t.type === type)
      .flatMap((t) => {
        const r = schema.safeParse(t);
        return r.success ? [r.data] : [];
      });
  const keyboard = parsed(KeyboardTokenSchema, 'spectrum-keyboard')[0] ?? null;
  const claimed = new Set(tokens.flatMap((t) => t.keyslots));
  return {
    keyboard,
    fido2: parsed(SystemdFido2TokenSchema, 'systemd-fido2'),
    usbKeys: parsed(UsbKeyTokenSchema, USB_KEY_TOKEN_TYPE),
    recoverySlots: tokens.filter((t) => t.type === 'systemd-recovery').flatMap((t) => t.keyslots),
    passphraseSlots: Object.keys(meta.keyslots).filter((slot) => !claimed.has(slot)),
  };
}
