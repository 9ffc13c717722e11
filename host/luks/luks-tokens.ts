// The LUKS2 tokens the helper writes, and the part of the header JSON it reads back.
// systemd's token fields are those systemd-cryptenroll writes, so systemd-cryptsetup can use them.
import { z } from 'zod';
import type { Fido2Params } from '../../shared/plan/plan-schema';
import type { Keyboard } from '../../shared/plan/plan-schema';

/** Fixed token ids, so re-running a step replaces its token instead of adding another. */
export const TOKEN_IDS = { firstboot: 0, fido2: 1, recovery: 2, keyboard: 3, usbKey: 4 } as const;
/** Keyslot 0 opens with the passphrase or the FIDO2 secret; keyslot 1 with the recovery key. */
export const KEYSLOTS = { primary: 0, recovery: 1 } as const;

export const FIRSTBOOT_TOKEN_TYPE = 'spectrum-firstboot';
/** Written into the LUKS2 header at luksFormat, so even a header whose token was never written is known as ours. */
export const FIRSTBOOT_SUBSYSTEM = 'spectrum-firstboot';

export const FirstbootTokenSchema = z.object({
  type: z.literal(FIRSTBOOT_TOKEN_TYPE),
  keyslots: z.array(z.string()).max(0),
  installId: z.string().max(64),
  planId: z.string().regex(/^[0-9a-f]{64}$/),
  completedAt: z.string().max(64).optional(),
});
export type FirstbootToken = z.infer<typeof FirstbootTokenSchema>;

export function firstbootToken(installId: string, planId: string, completedAt?: string): FirstbootToken {
  return { type: FIRSTBOOT_TOKEN_TYPE, keyslots: [], installId, planId, ...(completedAt ? { completedAt } : {}) };
}

/** As systemd-cryptenroll --fido2-device writes it (src/cryptenroll/cryptenroll-fido2.c). */
export function systemdFido2Token(keyslot: number, fido2: Fido2Params): Record<string, unknown> {
  return {
    type: 'systemd-fido2',
    keyslots: [String(keyslot)],
    'fido2-credential': fido2.credential,
    'fido2-salt': fido2.salt,
    'fido2-rp': fido2.rp,
    'fido2-clientPin-required': fido2.clientPinRequired,
    'fido2-up-required': fido2.upRequired,
    'fido2-uv-required': fido2.uvRequired,
  };
}

/** As systemd-cryptenroll --recovery-key writes it. */
export function systemdRecoveryToken(keyslot: number): Record<string, unknown> {
  return { type: 'systemd-recovery', keyslots: [String(keyslot)] };
}

/**
 * The keyboard (and language) the unlock prompt should use. The prompt runs before user data is
 * open, so this cannot live only in files inside the volume; the header is readable without a key.
 */
export function keyboardToken(keyboard: Keyboard, consoleKeymap: string, locale: string): Record<string, unknown> {
  return {
    type: 'spectrum-keyboard',
    keyslots: [],
    xkbLayout: keyboard.layout,
    xkbVariant: keyboard.variant,
    keymap: consoleKeymap,
    locale,
  };
}

/** The fields of `cryptsetup luksDump --dump-json-metadata` the helper relies on. */
export const Luks2MetadataSchema = z.object({
  keyslots: z.record(z.string(), z.looseObject({ type: z.string(), kdf: z.looseObject({ type: z.string() }) })),
  tokens: z.record(z.string(), z.looseObject({ type: z.string(), keyslots: z.array(z.string()) })),
});
export type Luks2Metadata = z.infer<typeof Luks2MetadataSchema>;

/** The spectrum-firstboot token of a header: null when absent, 'invalid' when present but malformed. */
export function findFirstbootToken(meta: Luks2Metadata): FirstbootToken | null | 'invalid' {
  const found = Object.values(meta.tokens).filter((t) => t.type === FIRSTBOOT_TOKEN_TYPE);
  if (found.length === 0) return null;
  if (found.length > 1) return 'invalid';
  const parsed = FirstbootTokenSchema.safeParse(found[0]);
  return parsed.success ? parsed.data : 'invalid';
}
