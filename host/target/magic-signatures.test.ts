import { describe, expect, it } from 'vitest';
import { HEAD_BYTES, findSignatures, luks2HeaderLabels } from './magic-signatures';

const SIZE = 8 * 1024 * 1024 * 1024;
const TAIL = 128 * 1024;

function headWith(offset: number, bytes: number[] | string): Uint8Array {
  const head = new Uint8Array(HEAD_BYTES);
  head.set(typeof bytes === 'string' ? [...bytes].map((c) => c.charCodeAt(0)) : bytes, offset);
  return head;
}

const types = (head: Uint8Array, tail = new Uint8Array(TAIL)) => [...new Set(findSignatures(head, tail, SIZE).map((h) => h.type))];

describe('findSignatures', () => {
  it('finds nothing on a blank target', () => {
    expect(types(new Uint8Array(HEAD_BYTES))).toEqual([]);
  });

  it.each([
    ['crypto_LUKS', 0, [0x4c, 0x55, 0x4b, 0x53, 0xba, 0xbe]],
    ['crypto_LUKS', 0x8000, [0x53, 0x4b, 0x55, 0x4c, 0xba, 0xbe]], // a LUKS2 secondary header alone
    ['ext4', 0x438, [0x53, 0xef]],
    ['btrfs', 0x10040, '_BHRfS_M'],
    ['xfs', 0, 'XFSB'],
    ['vfat', 0x52, 'FAT32   '],
    ['ntfs', 3, 'NTFS    '],
    ['gpt', 512, 'EFI PART'],
    ['dos', 0x1fe, [0x55, 0xaa]],
    ['swap', 4086, 'SWAPSPACE2'],
    ['LVM2_member', 512, 'LABELONE'],
    ['iso9660', 0x8001, 'CD001'],
    ['squashfs', 0, 'hsqs'],
    ['linux_raid_member', 0x1000, [0xfc, 0x4e, 0x2b, 0xa9]],
    ['zfs_member', 0x20000 + 5 * 1024, [0x0c, 0xb1, 0xba, 0, 0, 0, 0, 0]],
    ['BitLocker', 3, '-FVE-FS-'],
    ['hfs', 0x400, 'BD'],
    ['hfsplus', 0x400, 'H+'],
    ['hfsplus', 0x400, 'HX'],
    ['jfs', 0x8000, 'JFS1'],
    ['ufs', 8192 + 1372, [0x54, 0x19, 0x01, 0x00]], // UFS 1, little-endian, at 8 KiB
    ['ufs', 65536 + 1372, [0x19, 0x54, 0x01, 0x19]], // UFS 2, big-endian, at 64 KiB
  ] as const)('finds %s at %i', (type, offset, bytes) => {
    expect(types(headWith(offset, bytes as number[] | string))).toContain(type);
  });

  it('finds a backup GPT header at the end of the target', () => {
    const tail = new Uint8Array(TAIL);
    tail.set(
      [...'EFI PART'].map((c) => c.charCodeAt(0)),
      TAIL - 512,
    );
    expect(types(new Uint8Array(HEAD_BYTES), tail)).toEqual(['gpt']);
  });
});

describe('luks2HeaderLabels', () => {
  it('reads label, subsystem and UUID of a LUKS2 header', () => {
    const head = headWith(0, [0x4c, 0x55, 0x4b, 0x53, 0xba, 0xbe, 0, 2]);
    head.set(
      [...'my-label'].map((c) => c.charCodeAt(0)),
      24,
    );
    head.set(
      [...'0b5e1c2d-3f40-4a5b-8c6d-7e8f90a1b2c3'].map((c) => c.charCodeAt(0)),
      168,
    );
    head.set(
      [...'spectrum-firstboot'].map((c) => c.charCodeAt(0)),
      208,
    );
    expect(luks2HeaderLabels(head)).toEqual({
      label: 'my-label',
      subsystem: 'spectrum-firstboot',
      uuid: '0b5e1c2d-3f40-4a5b-8c6d-7e8f90a1b2c3',
    });
  });

  it('ignores LUKS1 and non-LUKS data', () => {
    expect(luks2HeaderLabels(headWith(0, [0x4c, 0x55, 0x4b, 0x53, 0xba, 0xbe, 0, 1]))).toBeNull();
    expect(luks2HeaderLabels(new Uint8Array(4096))).toBeNull();
  });
});
