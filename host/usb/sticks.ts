// Removable drives that could hold a key file: on a host, what lsblk reports as removable or
// hot-plugged (USB sticks, card readers), each partition or whole-disk file system; in the
// sandbox, image files DIR/usb/*.img standing in for sticks. Nothing here writes.
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CommandNotFoundError, type Executor } from '../exec/executor';
import { STICK_FS_TYPES, type StickFsType } from '../luks/unlock-tokens';

export interface Stick {
  /** How the wizard names it: the device path on a host, `usb/<file>` in the sandbox. */
  readonly id: string;
  /** The block device or the image file that holds the file system. */
  readonly device: string;
  /** An image file (mounted through a loop device). */
  readonly image: boolean;
  readonly label: string | null;
  readonly sizeBytes: number;
  readonly vendor: string | null;
  readonly model: string | null;
  /** blkid's TYPE (`vfat`, `exfat`, `ext4`, …), null when it carries no file system. */
  readonly fsType: string | null;
  readonly fsUuid: string | null;
  readonly readOnly: boolean;
}

export interface StickSource {
  list(): Promise<Stick[]>;
}

/** Why a stick cannot take a key file, or null when it can. */
export type StickProblem = 'no-file-system' | 'unsupported-file-system' | 'read-only';

export function stickProblem(stick: Stick): StickProblem | null {
  if (stick.fsType === null || stick.fsUuid === null) return 'no-file-system';
  if (!isStickFsType(stick.fsType)) return 'unsupported-file-system';
  if (stick.readOnly) return 'read-only';
  return null;
}

export function isStickFsType(t: string | null): t is StickFsType {
  return t !== null && (STICK_FS_TYPES as readonly string[]).includes(t);
}

const text = z
  .string()
  .nullable()
  .optional()
  .transform((s) => (s === undefined || s === null || s.trim() === '' ? null : s.trim()));
const flag = z
  .union([z.boolean(), z.string(), z.number()])
  .nullable()
  .optional()
  .transform((v) => v === true || v === '1' || v === 1);
type LsblkDevice = {
  path: string;
  type: string | null;
  size: number;
  rm: boolean;
  hotplug: boolean;
  ro: boolean;
  tran: string | null;
  vendor: string | null;
  model: string | null;
  label: string | null;
  fstype: string | null;
  uuid: string | null;
  children?: LsblkDevice[];
};
const LsblkDeviceSchema: z.ZodType<LsblkDevice> = z.lazy(() =>
  z.object({
    path: z.string().startsWith('/dev/'),
    type: text,
    size: z
      .union([z.number(), z.string()])
      .nullable()
      .optional()
      .transform((v) => Number(v ?? 0) || 0),
    rm: flag,
    hotplug: flag,
    ro: flag,
    tran: text,
    vendor: text,
    model: text,
    label: text,
    fstype: text,
    uuid: text,
    children: z.array(LsblkDeviceSchema).optional(),
  }),
);
const LsblkSchema = z.object({ blockdevices: z.array(LsblkDeviceSchema) });

export const LSBLK_ARGS = ['--json', '--bytes', '--tree', '--output', 'PATH,TYPE,SIZE,RM,HOTPLUG,RO,TRAN,VENDOR,MODEL,LABEL,FSTYPE,UUID'];

/** lsblk's JSON to sticks: file systems on removable or hot-plugged disks (whole disk or partitions). */
export function sticksFromLsblk(json: unknown): Stick[] {
  const parsed = LsblkSchema.safeParse(json);
  if (!parsed.success) return [];
  const out: Stick[] = [];
  for (const disk of parsed.data.blockdevices) {
    if (disk.type !== 'disk' || !(disk.rm || disk.hotplug || disk.tran === 'usb')) continue;
    const volumes = disk.children?.filter((c) => c.type === 'part') ?? [];
    for (const v of volumes.length > 0 ? volumes : [disk]) {
      out.push({
        id: v.path,
        device: v.path,
        image: false,
        label: v.label,
        sizeBytes: v.size,
        vendor: disk.vendor,
        model: disk.model,
        fsType: v.fstype,
        fsUuid: v.uuid,
        readOnly: v.ro || disk.ro,
      });
    }
  }
  return out;
}

export class HostSticks implements StickSource {
  constructor(private readonly exec: Executor) {}

  async list(): Promise<Stick[]> {
    const r = await this.exec.run({ command: 'lsblk', args: LSBLK_ARGS });
    if (r.exitCode !== 0) return [];
    try {
      return sticksFromLsblk(JSON.parse(r.stdout));
    } catch {
      return [];
    }
  }
}

/** `blkid -p -o export` of one file: its tags. */
export async function probeTags(exec: Executor, file: string): Promise<Map<string, string>> {
  try {
    const r = await exec.run({ command: 'blkid', args: ['-p', '-o', 'export', '--', file] });
    const tags = new Map<string, string>();
    if (r.exitCode !== 0) return tags;
    for (const line of r.stdout.split('\n')) {
      const i = line.indexOf('=');
      if (i > 0) tags.set(line.slice(0, i), line.slice(i + 1));
    }
    return tags;
  } catch (e) {
    if (e instanceof CommandNotFoundError) return new Map();
    throw e;
  }
}

export const SANDBOX_STICK_DIR = 'usb';
export const SANDBOX_STICK_VENDOR = 'Sandbox';

/** Image files DIR/usb/*.img as removable drives: the file name is the model. */
export class SandboxSticks implements StickSource {
  constructor(
    private readonly exec: Executor,
    private readonly dir: string,
  ) {}

  async list(): Promise<Stick[]> {
    if (!existsSync(this.dir)) return [];
    const out: Stick[] = [];
    for (const name of readdirSync(this.dir)
      .filter((f) => f.endsWith('.img'))
      .sort()) {
      const file = path.join(this.dir, name);
      const st = statSync(file);
      if (!st.isFile()) continue;
      const tags = await probeTags(this.exec, file);
      out.push({
        id: `${SANDBOX_STICK_DIR}/${name}`,
        device: file,
        image: true,
        label: tags.get('LABEL') ?? null,
        sizeBytes: st.size,
        vendor: SANDBOX_STICK_VENDOR,
        model: name.slice(0, -'.img'.length),
        fsType: tags.get('TYPE') ?? null,
        fsUuid: tags.get('UUID') ?? null,
        readOnly: !writable(file),
      });
    }
    return out;
  }
}

function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
