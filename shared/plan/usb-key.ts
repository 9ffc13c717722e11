// The USB key-file method's part of the plan (protocol 1.1): which stick the person picked
// from the helper's `usb-drives` list. The stick's file system is named by its UUID and type,
// so the helper writes to the stick the person saw, and the unlock finds it again at boot.
import { z } from 'zod';
import { FsUuidSchema } from '../protocol/usb-messages';

export const STICK_FS_TYPES = ['vfat', 'exfat', 'ext4'] as const;
export type StickFsType = (typeof STICK_FS_TYPES)[number];

export const UsbKeyChoiceSchema = z.strictObject({
  /** The helper's id of the drive (`usb-drives`). */
  stick: z.string().min(1).max(256),
  fsUuid: FsUuidSchema,
  fsType: z.enum(STICK_FS_TYPES),
});
export type UsbKeyChoice = z.infer<typeof UsbKeyChoiceSchema>;
