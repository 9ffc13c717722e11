// What `hello` tells about the machine beyond its sizes (docs/protocol.md §13.1): the disk
// the install writes to, laid out before and after, what is on it now, and whether the IOMMU that
// Spectrum's network VM needs is there. All optional on the wire: older helpers do not send them.
import { z } from 'zod';

export const PARTITION_ROLES = ['esp', 'xbootldr', 'system', 'system-empty', 'user-data', 'other', 'free'] as const;
export type PartitionRole = (typeof PARTITION_ROLES)[number];

const Bytes = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const DiskAreaSchema = z.object({
  role: z.enum(PARTITION_ROLES),
  /** The partition's GPT name ("" for free space and whole targets). */
  label: z.string().max(72),
  startBytes: Bytes,
  sizeBytes: Bytes,
  /** In `after`: the area this install creates. */
  isNew: z.boolean().optional(),
});
export type DiskArea = z.infer<typeof DiskAreaSchema>;

export const TargetDiskSchema = z.object({
  /** The device or image name, e.g. "nvme0n1", "disk.img". */
  name: z.string().max(64),
  /** The maker's model name when the host knows it. */
  model: z.string().max(128).nullable(),
  sizeBytes: Bytes,
  /** Whether this is the machine's whole disk (a partition is added) or a target given as is. */
  wholeDisk: z.boolean(),
  /** What the user-data area holds now (signature types; empty: nothing). */
  found: z.array(z.string().max(64)).max(16),
  before: z.array(DiskAreaSchema).max(130),
  after: z.array(DiskAreaSchema).max(130),
});
export type TargetDisk = z.infer<typeof TargetDiskSchema>;

export const IOMMU_STATES = ['present', 'absent', 'unknown'] as const;
export type IommuState = (typeof IOMMU_STATES)[number];

/** `hello.machine`: the sizes of section 3, and the facts of section 12 when the helper sends them. */
export const MachineSchema = z.object({
  userDataBytes: Bytes,
  memoryBytes: Bytes,
  disk: TargetDiskSchema.optional(),
  iommu: z.enum(IOMMU_STATES).optional(),
});
export type Machine = z.infer<typeof MachineSchema>;

/** Below this much memory the Summary warns: the host and a few VMs of 1 GiB each need it. */
export const RECOMMENDED_MEMORY_BYTES = 8 * 1024 ** 3;
