// Known on-disk signatures, read from raw bytes: the helper's own check that a target holds
// nothing (blkid -p is asked as well). A match means "someone's data may be here".
import { gptEntries, partitionSignatures } from './gpt';

export interface SignatureHit {
  readonly type: string;
  readonly offset: number;
}

interface Magic {
  readonly type: string;
  readonly offset: number;
  readonly bytes: readonly number[];
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Bytes read from the start of the target; covers every offset below. */
export const HEAD_BYTES = 4 * 1024 * 1024 + 64 * 1024;
/** Bytes read from the end of the target (backup GPT, md superblocks). */
export const TAIL_BYTES = 128 * 1024;

const u32le = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
const u32be = (n: number): number[] => u32le(n).reverse();

/** UFS 1 and 2 (and variants): the magic at byte 1372 of a superblock at 0, 8, 64 or 256 KiB, either byte order. */
const UFS_MAGICS = [0x00011954, 0x19540119, 0x00195612, 0x00095014, 0x00612195, 0x05231994];
const UFS_SUPERBLOCKS = [0, 8, 64, 256].map((kib) => kib * 1024 + 1372);

const LUKS_SECONDARY_OFFSETS = [0x4000, 0x8000, 0x10000, 0x20000, 0x40000, 0x80000, 0x100000, 0x200000, 0x400000];
const SWAP_OFFSETS = [4096, 8192, 16384, 65536].map((page) => page - 10);

const HEAD_MAGICS: readonly Magic[] = [
  { type: 'crypto_LUKS', offset: 0, bytes: [...ascii('LUKS'), 0xba, 0xbe] },
  ...LUKS_SECONDARY_OFFSETS.map((offset) => ({ type: 'crypto_LUKS', offset, bytes: [...ascii('SKUL'), 0xba, 0xbe] })),
  { type: 'ext4', offset: 0x438, bytes: [0x53, 0xef] },
  { type: 'btrfs', offset: 0x10040, bytes: ascii('_BHRfS_M') },
  { type: 'xfs', offset: 0, bytes: ascii('XFSB') },
  { type: 'ntfs', offset: 3, bytes: ascii('NTFS    ') },
  { type: 'exfat', offset: 3, bytes: ascii('EXFAT   ') },
  { type: 'vfat', offset: 0x36, bytes: ascii('FAT1') },
  { type: 'vfat', offset: 0x52, bytes: ascii('FAT32   ') },
  { type: 'dos', offset: 0x1fe, bytes: [0x55, 0xaa] },
  { type: 'gpt', offset: 512, bytes: ascii('EFI PART') },
  { type: 'gpt', offset: 4096, bytes: ascii('EFI PART') },
  ...SWAP_OFFSETS.flatMap((offset) => [
    { type: 'swap', offset, bytes: ascii('SWAPSPACE2') },
    { type: 'swap', offset, bytes: ascii('SWAP-SPACE') },
  ]),
  ...[0, 1, 2, 3].map((sector) => ({ type: 'LVM2_member', offset: sector * 512, bytes: ascii('LABELONE') })),
  { type: 'f2fs', offset: 0x400, bytes: [0x10, 0x20, 0xf5, 0xf2] },
  { type: 'erofs', offset: 0x400, bytes: [0xe2, 0xe1, 0xf5, 0xe0] },
  { type: 'squashfs', offset: 0, bytes: ascii('hsqs') },
  { type: 'iso9660', offset: 0x8001, bytes: ascii('CD001') },
  { type: 'linux_raid_member', offset: 0, bytes: [0xfc, 0x4e, 0x2b, 0xa9] },
  { type: 'linux_raid_member', offset: 0x1000, bytes: [0xfc, 0x4e, 0x2b, 0xa9] },
  // BitLocker (Vista, 7 and later): "-FVE-FS-" as the boot sector's OEM name. To Go volumes
  // look like FAT ("MSWIN4.1") and are caught by the boot signature.
  { type: 'BitLocker', offset: 3, bytes: ascii('-FVE-FS-') },
  { type: 'hfs', offset: 0x400, bytes: ascii('BD') },
  { type: 'hfsplus', offset: 0x400, bytes: ascii('H+') },
  { type: 'hfsplus', offset: 0x400, bytes: ascii('HX') },
  { type: 'jfs', offset: 0x8000, bytes: ascii('JFS1') },
  ...UFS_SUPERBLOCKS.flatMap((offset) =>
    UFS_MAGICS.flatMap((m) => [
      { type: 'ufs', offset, bytes: u32le(m) },
      { type: 'ufs', offset, bytes: u32be(m) },
    ]),
  ),
  {
    type: 'bcache',
    offset: 0x1018,
    bytes: [0xc6, 0x85, 0x73, 0xf6, 0x4e, 0x1a, 0x45, 0xca, 0x82, 0x65, 0xf5, 0x7f, 0x48, 0xba, 0x6d, 0x81],
  },
  // ZFS: the uberblock ring of label 0 (128 KiB in), 1 KiB slots, either byte order.
  ...Array.from({ length: 128 }, (_, k) => 0x20000 + k * 1024).flatMap((offset) => [
    { type: 'zfs_member', offset, bytes: [0x0c, 0xb1, 0xba, 0x00, 0x00, 0x00, 0x00, 0x00] },
    { type: 'zfs_member', offset, bytes: [0x00, 0x00, 0x00, 0x00, 0x00, 0xba, 0xb1, 0x0c] },
  ]),
];

function matchesAt(buf: Uint8Array, offset: number, bytes: readonly number[]): boolean {
  if (offset < 0 || offset + bytes.length > buf.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[offset + i] !== bytes[i]) return false;
  return true;
}

/**
 * Signatures in `head` (the first bytes of the target) and `tail` (its last bytes, which end at
 * `size`). Overlapping kinds are all reported: any hit means the target is not blank.
 */
export function findSignatures(head: Uint8Array, tail: Uint8Array, size: number): SignatureHit[] {
  const hits: SignatureHit[] = [];
  for (const m of HEAD_MAGICS) if (matchesAt(head, m.offset, m.bytes)) hits.push({ type: m.type, offset: m.offset });
  // A whole disk: name the system partitions its GPT holds (ESP, root, verity, empty A/B slots…).
  for (const blockSize of [512, 4096]) {
    for (const entry of gptEntries(head, blockSize) ?? []) {
      for (const type of partitionSignatures(entry.type, entry.name)) hits.push({ type, offset: entry.startByte });
    }
  }
  const tailStart = size - tail.length;
  const inTail = (absolute: number, bytes: readonly number[]): boolean => matchesAt(tail, absolute - tailStart, bytes);
  if (size >= 1024) {
    const lastSector = size - 512;
    if (inTail(lastSector, ascii('EFI PART'))) hits.push({ type: 'gpt', offset: lastSector });
    // md 0.90 superblock: 64 KiB aligned, 64 KiB before the end; md 1.0: 8 KiB before the end, 4 KiB aligned.
    const md090 = Math.floor(size / 65536) * 65536 - 65536;
    const md10 = Math.floor((size - 8192) / 4096) * 4096;
    if (inTail(md090, [0xfc, 0x4e, 0x2b, 0xa9]) || inTail(md090, [0xa9, 0x2b, 0x4e, 0xfc]))
      hits.push({ type: 'linux_raid_member', offset: md090 });
    if (inTail(md10, [0xfc, 0x4e, 0x2b, 0xa9])) hits.push({ type: 'linux_raid_member', offset: md10 });
  }
  return hits;
}

/** LUKS2 binary header fields (primary header at offset 0): label, subsystem and UUID, NUL-terminated. */
export function luks2HeaderLabels(head: Uint8Array): { label: string; subsystem: string; uuid: string } | null {
  if (!matchesAt(head, 0, [...ascii('LUKS'), 0xba, 0xbe]) || head.length < 256) return null;
  const version = (head[6]! << 8) | head[7]!;
  if (version !== 2) return null;
  const field = (offset: number, length: number): string => {
    const bytes = head.subarray(offset, offset + length);
    const end = bytes.indexOf(0);
    return Buffer.from(end < 0 ? bytes : bytes.subarray(0, end)).toString('latin1');
  };
  return { label: field(24, 48), subsystem: field(208, 48), uuid: field(168, 40) };
}
