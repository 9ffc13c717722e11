// Protocol 1.1: removable drives for the USB key-file method (docs/protocol.md, "USB key file").
// The wizard asks which sticks are plugged into the computer; the helper, which can see them,
// answers with each one's label, size, vendor and whether its file system can take a key file.
import { z } from 'zod';

/** Why a stick cannot take a key file (null: it can). */
export const USB_STICK_PROBLEMS = ['no-file-system', 'unsupported-file-system', 'read-only'] as const;
export type UsbStickProblem = (typeof USB_STICK_PROBLEMS)[number];

/** A file system UUID as blkid prints it (`26A1-B09E` for vfat, a UUID for ext4). */
export const FsUuidSchema = z.string().regex(/^[0-9A-Fa-f-]{4,64}$/);

export const UsbDriveSchema = z.object({
  /** The helper's name for it, given back in the plan. */
  id: z.string().min(1).max(256),
  label: z.string().max(64).nullable(),
  sizeBytes: z.number().int().nonnegative(),
  vendor: z.string().max(64).nullable(),
  model: z.string().max(128).nullable(),
  fsType: z.string().max(32).nullable(),
  fsUuid: FsUuidSchema.nullable(),
  problem: z.enum(USB_STICK_PROBLEMS).nullable(),
});
export type UsbDrive = z.infer<typeof UsbDriveSchema>;

export const UsbDrivesRequestSchema = z.object({ type: z.literal('usb-drives') });
export const UsbDrivesSchema = z.object({ type: z.literal('usb-drives'), drives: z.array(UsbDriveSchema).max(64) });
export type UsbDrives = z.infer<typeof UsbDrivesSchema>;
