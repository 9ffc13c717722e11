// A GPT disk's partition table as `sfdisk --json` reads it, validated, and what each partition
// is on a Spectrum disk (release/live: ESP, `Spectrum_<version>` verity and root of slot A,
// `_empty` verity and root of slot B, and the user-data partition this helper adds, seed ADR 003).
import { z } from 'zod';
import type { Executor } from '../exec/executor';
import { CommandFailedError, tail } from '../luks/cryptsetup';

/** The user-data partition (ADR 072): the Discoverable Partitions "Linux generic data" type, and this label. */
export const USERDATA_PARTITION_TYPE = '0FC63DAF-8483-4772-8E79-3D69D8477DE4';
export const USERDATA_PARTITION_LABEL = 'spectrum-userdata';

const ESP_TYPE = 'C12A7328-F81F-11D2-BA4B-00A0C93EC93B';
const XBOOTLDR_TYPE = 'BC13C2FF-59E6-4262-A352-B275FD6F7172';
/** Root and verity types of the discoverable partitions spec, for x86-64 and AArch64. */
const ROOT_TYPES = new Set(['4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709', 'B921B045-1DF0-41C3-AF44-4C6F280D3FAE']);
const VERITY_TYPES = new Set(['2C7357ED-EBD2-46D9-AEC1-23D437EC2BF5', 'DF3300CE-D69F-4C92-978C-9BFB0F38D820']);

const PartitionSchema = z.object({
  node: z.string().max(4096),
  start: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  type: z.string().max(64),
  uuid: z.string().max(64).optional(),
  name: z.string().max(128).optional(),
});

const SfdiskSchema = z.object({
  partitiontable: z.object({
    label: z.string(),
    firstlba: z.number().int().nonnegative(),
    lastlba: z.number().int().nonnegative(),
    sectorsize: z.number().int().positive().default(512),
    partitions: z.array(PartitionSchema).max(128).default([]),
  }),
});

export type PartitionRole = 'esp' | 'xbootldr' | 'system' | 'system-empty' | 'user-data' | 'other';

export interface GptPartition {
  readonly number: number;
  readonly startSector: number;
  readonly sizeSectors: number;
  readonly type: string;
  readonly label: string;
  readonly role: PartitionRole;
}

export interface GptLayout {
  readonly sectorSize: number;
  readonly firstUsableSector: number;
  readonly lastUsableSector: number;
  readonly partitions: readonly GptPartition[];
}

export class NotAGptDiskError extends Error {}

export function roleOf(type: string, label: string): PartitionRole {
  const t = type.toUpperCase();
  if (t === ESP_TYPE) return 'esp';
  if (t === XBOOTLDR_TYPE) return 'xbootldr';
  if (ROOT_TYPES.has(t) || VERITY_TYPES.has(t)) return label === '_empty' ? 'system-empty' : 'system';
  if (t === USERDATA_PARTITION_TYPE && label === USERDATA_PARTITION_LABEL) return 'user-data';
  return 'other';
}

/** Parses `sfdisk --json` output. */
export function parseSfdiskJson(text: string): GptLayout {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new NotAGptDiskError('sfdisk printed no JSON');
  }
  const parsed = SfdiskSchema.safeParse(value);
  if (!parsed.success) throw new NotAGptDiskError('sfdisk printed an unexpected partition table');
  const table = parsed.data.partitiontable;
  if (table.label !== 'gpt') throw new NotAGptDiskError(`the disk has a ${table.label} partition table, not GPT`);
  return {
    sectorSize: table.sectorsize,
    firstUsableSector: table.firstlba,
    lastUsableSector: table.lastlba,
    partitions: table.partitions.map((p) => {
      const m = /(\d+)$/.exec(p.node);
      const label = p.name ?? '';
      return {
        number: m ? Number(m[1]) : 0,
        startSector: p.start,
        sizeSectors: p.size,
        type: p.type.toUpperCase(),
        label,
        role: roleOf(p.type, label),
      };
    }),
  };
}

export async function readGptLayout(disk: string, exec: Executor): Promise<GptLayout> {
  const r = await exec.run({ command: 'sfdisk', args: ['--json', disk] });
  if (r.exitCode !== 0) throw new NotAGptDiskError(`sfdisk cannot read a partition table on ${disk}: ${tail(r.stderr)}`);
  return parseSfdiskJson(r.stdout);
}

export { CommandFailedError };
