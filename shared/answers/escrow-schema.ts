// A machine's recovery key sealed to the organization's escrow key (docs/protocol.md,
// "Recovery-key escrow"): one file per machine, `<LUKS UUID>.escrow.json`, beside the answers
// file. HPKE with the plan's suite; info binds the LUKS UUID, aad the install id, so a copy
// renamed or edited for another machine does not open.
import { z } from 'zod';
import { Rfc3339Utc, SealedSchema, b64urlBytes } from '../plan/plan-schema';
import { SEAL_SUITE } from '../protocol/messages';
import { ANSWERS_DIGEST_PATTERN } from './answers-schema';

export const ESCROW_INFO_PREFIX = 'spectrum-firstboot/escrow/v1 ';
export const LUKS_UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const EscrowFileSchema = z.strictObject({
  type: z.literal('spectrum-firstboot-escrow'),
  version: z.literal(1),
  suite: z.literal(SEAL_SUITE),
  luksUuid: z.string().regex(LUKS_UUID_PATTERN),
  installId: b64urlBytes(16),
  answersDigest: z.string().regex(ANSWERS_DIGEST_PATTERN),
  createdAt: Rfc3339Utc,
  sealed: SealedSchema,
});
export type EscrowFile = z.infer<typeof EscrowFileSchema>;

export function escrowFileName(luksUuid: string): string {
  if (!LUKS_UUID_PATTERN.test(luksUuid)) throw new Error('not a LUKS UUID');
  return `${luksUuid}.escrow.json`;
}
