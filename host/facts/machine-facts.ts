// The machine facts of `hello` (docs/protocol.md §13.2): the disk the install writes to (name,
// model, size, what the user-data area holds, the layout before and after) and whether the host
// has an IOMMU (Spectrum's network VM gets its devices through VFIO). Worked out for each `hello`
// from the probe that `hello` makes anyway (no second blkid), never before the helper listens:
// a peer's idle clock starts only once hello is sent (ADR 060).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DiskArea, IommuState, TargetDisk } from '../../shared/protocol/host-facts';
import type { HostEnvironment } from '../apply/step-types';
import type { GptLayout } from '../disk/gpt-layout';
import type { WholeDisk } from '../disk/whole-disk';
import type { Executor } from '../exec/executor';
import { onHost } from '../spectrum/host-paths';
import { targetSizeOrZero } from '../target/target-size';

export interface MachineFacts {
  readonly disk: TargetDisk;
  readonly iommu: IommuState;
}

/** /sys/kernel/iommu_groups has a group for each isolated device set when an IOMMU is on. */
export function iommuState(root: string): IommuState {
  try {
    return readdirSync(onHost(root, '/sys/kernel/iommu_groups')).length > 0 ? 'present' : 'absent';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return 'unknown';
    try {
      statSync(onHost(root, '/sys/kernel'));
      return 'absent';
    } catch {
      return 'unknown';
    }
  }
}

/** The model a block device reports in sysfs (null for an image file or when unknown). */
function modelOf(device: string): string | null {
  try {
    if (!statSync(device).isBlockDevice()) return null;
    const text = readFileSync(`/sys/class/block/${path.basename(device)}/device/model`, 'utf8').trim();
    return text === '' ? null : text.slice(0, 128);
  } catch {
    return null;
  }
}

function areasOf(layout: GptLayout): DiskArea[] {
  return [...layout.partitions]
    .sort((a, b) => a.startSector - b.startSector)
    .map((p) => ({
      role: p.role,
      label: p.label.slice(0, 72),
      startBytes: p.startSector * layout.sectorSize,
      sizeBytes: p.sizeSectors * layout.sectorSize,
    }));
}

function wholeDiskAreas(whole: WholeDisk): { before: DiskArea[]; after: DiskArea[] } {
  const { layout, region } = whole;
  const before = areasOf(layout);
  if (region.kind === 'existing') return { before, after: before };
  if (region.kind === 'no-space') return { before, after: before };
  const area = { startBytes: region.startSector * layout.sectorSize, sizeBytes: region.sizeSectors * layout.sectorSize };
  return {
    before: [...before, { role: 'free', label: '', ...area }],
    after: [...before, { role: 'user-data', label: 'spectrum-userdata', ...area, isNew: true }],
  };
}

/** `found`: the signatures on the target (none when it could not be examined: admission says why). */
export async function machineFacts(env: HostEnvironment, exec: Executor, found: readonly string[]): Promise<MachineFacts> {
  const whole = env.wholeDisk;
  const device = whole ? whole.disk : env.target;
  const sizeBytes = await targetSizeOrZero(device, exec);
  const areas = whole
    ? wholeDiskAreas(whole)
    : {
        before: [{ role: found.length > 0 ? ('other' as const) : ('free' as const), label: '', startBytes: 0, sizeBytes }],
        after: [{ role: 'user-data' as const, label: '', startBytes: 0, sizeBytes, isNew: !found.includes('crypto_LUKS') }],
      };
  return {
    disk: {
      name: path.basename(device).slice(0, 64),
      model: modelOf(device),
      sizeBytes,
      wholeDisk: whole !== undefined,
      found: found.slice(0, 16),
      ...areas,
    },
    iommu: iommuState(env.root),
  };
}
