// Which device backs an open device-mapper mapping, from `cryptsetup status <name>`: its
// `device:` line (for a loop device also its `loop:` file). The helper uses a mapping only when
// that is provably the user-data target: the same device number (major:minor) for a block
// device, the same file (device and inode) for a loop-backed image.
import { stat } from 'node:fs/promises';

export interface MappingStatus {
  /** `LUKS2`, `LUKS1`, `PLAIN`… */
  readonly type: string;
  /** The block device under the mapping. */
  readonly device: string;
  /** For a loop device: the file behind it. */
  readonly loop?: string;
}

/** Parses `cryptsetup status` output of an active mapping; null when it names no device. */
export function parseStatus(stdout: string): MappingStatus | null {
  const field = (name: string): string | undefined => new RegExp(`^\\s*${name}:\\s*(.+?)\\s*$`, 'm').exec(stdout)?.[1];
  const device = field('device');
  if (!device) return null;
  const loop = field('loop');
  return { type: field('type') ?? '', device, ...(loop ? { loop } : {}) };
}

/** Whether the mapping's backing is `target` itself. Anything that cannot be checked is "no". */
export async function isBackedBy(status: MappingStatus, target: string): Promise<boolean> {
  try {
    const t = await stat(target);
    if (t.isBlockDevice()) {
      const d = await stat(status.device);
      return d.isBlockDevice() && d.rdev === t.rdev;
    }
    if (!status.loop) return false;
    const f = await stat(status.loop);
    return f.isFile() && f.dev === t.dev && f.ino === t.ino;
  } catch {
    return false;
  }
}
