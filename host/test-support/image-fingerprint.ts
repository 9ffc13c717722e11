// "Untouched", cheaply for a sparse disk image of gigabytes: what tests of refused plans compare
// before and after.
import { statSync } from 'node:fs';
import { hashRange } from './spectrum-disk-image';

const MiB = 1024 * 1024;

/**
 * Same size, same allocated blocks (a write into a hole allocates), same modification time to
 * the nanosecond, and the same bytes at both ends (where LUKS headers, superblocks and partition
 * tables live).
 */
export function imageFingerprint(file: string): string {
  const st = statSync(file, { bigint: true });
  const size = Number(st.size);
  return `${st.size}/${st.blocks}/${st.mtimeNs}/${hashRange(file, 0, 64 * MiB)}/${hashRange(file, size - MiB, MiB)}`;
}
