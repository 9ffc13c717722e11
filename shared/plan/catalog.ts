// The catalog of VMs the helper can create (`hello.catalog`), read from assets/catalog.json by
// the helper and validated wherever it crosses a boundary.
import { z } from 'zod';

export const VM_ID_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * What the host has of a VM (docs/protocol.md §13.1): `built-in` ships in the host image and
 * is imported at every boot (nothing is written for it, no space counted); `available` is written
 * as a user VM from what the host image ships; `missing` is not on this system yet.
 */
export const AVAILABILITIES = ['built-in', 'available', 'missing'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export const CatalogEntrySchema = z.strictObject({
  id: z.string().regex(VM_ID_PATTERN),
  name: z.string().min(1).max(80),
  sizeBytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  kind: z.enum(['app', 'system']),
  /** Absent from helpers before section 12: treated as `available`. */
  availability: z.enum(AVAILABILITIES).optional(),
  /** Seed catalog only: the folder of this VM among the host's built-in VMs. */
  hostVm: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/)
    .optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

export const CatalogSchema = z.array(CatalogEntrySchema).max(1000);
export type Catalog = z.infer<typeof CatalogSchema>;

export { USERDATA_RESERVE_BYTES, requiredBytes } from './required-bytes';
