// The machine's whole disk as the user-data target (seed ADR 003, ADR 072): the helper plans the
// user-data partition in the free space after the system area and reaches exactly those bytes
// through a loop device (offset and size limit), from the start, so every check and step works on
// the region as on any target. The GPT entry itself is written only when the person installs
// (userdata-format), by appending one partition; no other partition is touched.
import { existsSync, lstatSync, readlinkSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';
import type { Executor } from '../exec/executor';
import { CommandFailedError, tail } from '../luks/cryptsetup';
import { USERDATA_PARTITION_LABEL, USERDATA_PARTITION_TYPE, readGptLayout, type GptLayout } from './gpt-layout';
import { planUserDataRegion, type UserDataRegion } from './user-data-region';

export interface WholeDisk {
  readonly disk: string;
  /** The table as found when the helper started: the layout "before". */
  readonly layout: GptLayout;
  readonly region: UserDataRegion;
  /** The loop device over the region, or null when there is no room. */
  readonly device: string | null;
}

export class DiskChangedError extends Error {}

function replaceLink(target: string, at: string): void {
  if (existsSync(at) || isLink(at)) {
    if (isLink(at) && readlinkSync(at) === target) return;
    unlinkSync(at);
  }
  symlinkSync(target, `${at}.new`);
  renameSync(`${at}.new`, at);
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Plans the region and attaches a loop device over it; `targetLink` then names the region. */
export async function openWholeDisk(disk: string, targetLink: string, exec: Executor): Promise<WholeDisk> {
  const layout = await readGptLayout(disk, exec);
  const region = planUserDataRegion(layout);
  if (region.kind === 'no-space') {
    if (existsSync(targetLink) || isLink(targetLink)) unlinkSync(targetLink); // no target: its size is 0
    return { disk, layout, region, device: null };
  }
  const offset = region.startSector * layout.sectorSize;
  const size = region.sizeSectors * layout.sectorSize;
  const r = await exec.run({
    command: 'losetup',
    args: ['--find', '--show', '--offset', String(offset), '--sizelimit', String(size), disk],
  });
  const device = r.stdout.trim();
  if (r.exitCode !== 0 || !device.startsWith('/dev/')) throw new CommandFailedError('losetup', r.exitCode, tail(r.stderr));
  replaceLink(device, targetLink);
  return { disk, layout, region, device };
}

/** Writes the user-data partition's GPT entry over the planned region, unless it is there already. */
export async function ensureUserDataPartition(whole: WholeDisk, exec: Executor): Promise<void> {
  const planned = whole.region;
  if (planned.kind === 'no-space') throw new DiskChangedError('the disk has no room for user data');
  const now = planUserDataRegion(await readGptLayout(whole.disk, exec));
  const same = (r: UserDataRegion) =>
    r.kind !== 'no-space' && r.startSector === planned.startSector && r.sizeSectors === planned.sizeSectors;
  if (now.kind === 'existing' && same(now)) return;
  if (now.kind !== 'new' || !same(now)) throw new DiskChangedError('the partition table of the disk changed since the helper started');
  const line = `start=${now.startSector}, size=${now.sizeSectors}, type=${USERDATA_PARTITION_TYPE}, name=${USERDATA_PARTITION_LABEL}\n`;
  const r = await exec.run({
    command: 'sfdisk',
    args: ['--append', '--no-reread', '--no-tell-kernel', '--quiet', whole.disk],
    stdin: Buffer.from(line),
  });
  if (r.exitCode !== 0) throw new CommandFailedError('sfdisk --append', r.exitCode, tail(r.stderr));
  const after = planUserDataRegion(await readGptLayout(whole.disk, exec));
  if (after.kind !== 'existing' || !same(after)) throw new DiskChangedError('the user-data partition is not where it was planned');
}
