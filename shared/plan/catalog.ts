// The catalog of VMs the helper can create (`hello.catalog`), read from assets/catalog.json by
// the helper and validated wherever it crosses a boundary.
import { z } from 'zod';

export const VM_ID_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

export const CatalogEntrySchema = z.strictObject({
  id: z.string().regex(VM_ID_PATTERN),
  name: z.string().min(1).max(80),
  sizeBytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  kind: z.enum(['app', 'system']),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

export const CatalogSchema = z.array(CatalogEntrySchema).max(1000);
export type Catalog = z.infer<typeof CatalogSchema>;

/** Room kept free for the LUKS2 header, btrfs metadata and per-VM storage roots. */
export const USERDATA_RESERVE_BYTES = 1024 * 1024 * 1024;

/** Bytes the selection needs on the user-data volume (unknown ids count as zero). */
export function requiredBytes(catalog: Catalog, vmIds: readonly string[]): number {
  const sizes = new Map(catalog.map((e) => [e.id, e.sizeBytes]));
  return vmIds.reduce((sum, id) => sum + (sizes.get(id) ?? 0), USERDATA_RESERVE_BYTES);
}
