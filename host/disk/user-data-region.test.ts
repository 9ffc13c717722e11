// Where the user-data partition goes: after the last partition, 1 MiB aligned at both ends; an
// existing one of ours (the last) is reused; no room, or a user-data partition that is not the
// last, plans nothing.
import { describe, expect, it } from 'vitest';
import { USERDATA_PARTITION_LABEL, USERDATA_PARTITION_TYPE, roleOf, type GptLayout, type GptPartition } from './gpt-layout';
import { planUserDataRegion } from './user-data-region';

const MiB = 2048; // sectors of 512 bytes
const part = (
  number: number,
  startSector: number,
  sizeSectors: number,
  type = '4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709',
  label = 'Spectrum_1',
): GptPartition => ({ number, startSector, sizeSectors, type, label, role: roleOf(type, label) });
const layout = (lastUsableSector: number, partitions: GptPartition[]): GptLayout => ({
  sectorSize: 512,
  firstUsableSector: 34,
  lastUsableSector,
  partitions,
});

describe('planUserDataRegion', () => {
  it('starts at the next MiB after the last partition and ends on a MiB boundary', () => {
    const plan = planUserDataRegion(layout(8 * 1024 * MiB - 34, [part(1, MiB, 100 * MiB + 5)]));
    expect(plan).toEqual({ kind: 'new', startSector: 102 * MiB, sizeSectors: (8 * 1024 - 1 - 102) * MiB });
  });

  it('reuses a user-data partition of ours that is the last one', () => {
    const ours = part(2, 200 * MiB, 4096 * MiB, USERDATA_PARTITION_TYPE, USERDATA_PARTITION_LABEL);
    expect(planUserDataRegion(layout(8 * 1024 * MiB, [part(1, MiB, 100 * MiB), ours]))).toMatchObject({
      kind: 'existing',
      startSector: 200 * MiB,
    });
  });

  it('plans nothing with less than 1 GiB free, or when a user-data partition is not the last', () => {
    expect(planUserDataRegion(layout(1000 * MiB, [part(1, MiB, 100 * MiB)])).kind).toBe('no-space');
    const ours = part(1, MiB, 100 * MiB, USERDATA_PARTITION_TYPE, USERDATA_PARTITION_LABEL);
    expect(planUserDataRegion(layout(8 * 1024 * MiB, [ours, part(2, 200 * MiB, 100 * MiB)])).kind).toBe('no-space');
  });

  it('names the roles of a Spectrum disk', () => {
    expect(roleOf('c12a7328-f81f-11d2-ba4b-00a0c93ec93b', 'ESP')).toBe('esp');
    expect(roleOf('4f68bce3-e8cd-4db1-96e7-fbcaf984b709', '_empty')).toBe('system-empty');
    expect(roleOf('2c7357ed-ebd2-46d9-aec1-23d437ec2bf5', 'Spectrum_0.1.verity')).toBe('system');
    expect(roleOf(USERDATA_PARTITION_TYPE, 'something else')).toBe('other');
  });
});
