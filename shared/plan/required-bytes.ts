// Disk space a selection needs. Kept apart from catalog.ts (which builds zod schemas) so code
// that only needs the arithmetic, like the wizard's first chunk, does not pull in zod.
import type { Catalog } from './catalog';

/** Room kept free for the LUKS2 header, btrfs metadata and per-VM storage roots. */
export const USERDATA_RESERVE_BYTES = 1024 * 1024 * 1024;

/** Bytes a catalog entry takes on user data: nothing for what is built in or not there. */
export function bytesOnUserData(entry: Catalog[number]): number {
  return entry.availability === 'built-in' || entry.availability === 'missing' ? 0 : entry.sizeBytes;
}

/** Bytes the selection needs on the user-data volume (unknown ids count as zero). */
export function requiredBytes(catalog: Catalog, vmIds: readonly string[]): number {
  const sizes = new Map(catalog.map((e) => [e.id, bytesOnUserData(e)]));
  return vmIds.reduce((sum, id) => sum + (sizes.get(id) ?? 0), USERDATA_RESERVE_BYTES);
}
