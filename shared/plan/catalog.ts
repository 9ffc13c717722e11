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

export { USERDATA_RESERVE_BYTES, requiredBytes } from './required-bytes';
