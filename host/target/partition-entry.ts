// For a target that is a partition of a disk: its own entry in that disk's GPT (type and name),
// read from the disk's bytes, so the helper knows an ESP, a root or verity slot or an `_empty`
// A/B slot even where the partition's own bytes are blank and blkid is no help. The kernel
// says which disk and where (/sys/dev/block/M:m/{partition,start}, the parent's uevent).
import { constants } from 'node:fs';
import { open, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { gptEntries, type GptEntry } from './gpt';
import { majorMinor } from './target-size';

/** Enough of the disk's start for its GPT header and 128 entries at any block size. */
const GPT_AREA_BYTES = 4096 * 2 + 128 * 128 + 64 * 1024;

async function sysText(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return null;
  }
}

/**
 * The GPT entry of the partition `target`, null when the target is not a partition of a GPT
 * disk. Throws when the target is a partition whose disk cannot be read: its role is unknown.
 */
export async function ownPartitionEntry(target: string): Promise<GptEntry | null> {
  const st = await stat(target, { bigint: true });
  if (!st.isBlockDevice()) return null;
  const [major, minor] = majorMinor(st.rdev);
  const sys = `/sys/dev/block/${major}:${minor}`;
  if ((await sysText(`${sys}/partition`)) === null) return null; // a whole disk, or no sysfs
  const start = Number(await sysText(`${sys}/start`)); // in 512-byte sectors
  const diskSys = path.dirname(await realpath(sys));
  const devName = /^DEVNAME=(.+)$/m.exec((await sysText(`${diskSys}/uevent`)) ?? '')?.[1];
  const diskNumber = await sysText(`${diskSys}/dev`);
  const blockSize = Number(await sysText(`${diskSys}/queue/logical_block_size`)) || 512;
  if (!devName || !diskNumber || !Number.isFinite(start)) throw new Error(`cannot find the disk of partition ${target}`);
  const disk = path.join('/dev', devName);
  const diskStat = await stat(disk, { bigint: true });
  if (!diskStat.isBlockDevice() || majorMinor(diskStat.rdev).join(':') !== diskNumber)
    throw new Error(`${disk} is not the disk of partition ${target}`);
  const fd = await open(disk, constants.O_RDONLY);
  try {
    const area = Buffer.alloc(GPT_AREA_BYTES);
    const { bytesRead } = await fd.read(area, 0, area.length, 0);
    const entries = gptEntries(area.subarray(0, bytesRead), blockSize);
    return entries?.find((e) => e.startByte === start * 512) ?? null;
  } finally {
    await fd.close();
  }
}
