// Where the user-data partition goes on a Spectrum disk (seed ADR 003): from the end of the
// system area (the last partition there) to the end of the disk, 1 MiB aligned. An existing
// user-data partition of ours is used as it is; nothing else is ever moved or resized.
import type { GptLayout, GptPartition } from './gpt-layout';

const ALIGN_BYTES = 1024 * 1024;
/** Less free space than this is no room for user data (LUKS2 header, btrfs, a little data). */
export const MIN_USERDATA_PARTITION_BYTES = 1024 * 1024 * 1024;

export type UserDataRegion =
  | { readonly kind: 'existing'; readonly partition: GptPartition; readonly startSector: number; readonly sizeSectors: number }
  | { readonly kind: 'new'; readonly startSector: number; readonly sizeSectors: number }
  | { readonly kind: 'no-space'; readonly freeBytes: number };

export function planUserDataRegion(layout: GptLayout): UserDataRegion {
  const ours = layout.partitions.filter((p) => p.role === 'user-data');
  const last = [...layout.partitions].sort((a, b) => a.startSector + a.sizeSectors - (b.startSector + b.sizeSectors)).at(-1);
  if (ours.length === 1 && ours[0] === last)
    return { kind: 'existing', partition: ours[0]!, startSector: ours[0]!.startSector, sizeSectors: ours[0]!.sizeSectors };
  const align = ALIGN_BYTES / layout.sectorSize;
  const end = last ? last.startSector + last.sizeSectors : layout.firstUsableSector;
  const start = Math.ceil(Math.max(end, layout.firstUsableSector) / align) * align;
  const stop = Math.floor((layout.lastUsableSector + 1) / align) * align; // exclusive
  const sizeSectors = Math.max(0, stop - start);
  const freeBytes = sizeSectors * layout.sectorSize;
  // A user-data partition that is not the last one, or two of them, is not one this helper made.
  if (ours.length > 0 || freeBytes < MIN_USERDATA_PARTITION_BYTES) return { kind: 'no-space', freeBytes };
  return { kind: 'new', startSector: start, sizeSectors };
}

export function regionBytes(region: UserDataRegion, sectorSize: number): number {
  return region.kind === 'no-space' ? 0 : region.sizeSectors * sectorSize;
}
