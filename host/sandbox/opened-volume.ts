// The sandbox's stand-in for the opened LUKS volume: a sparse clear image the size the mapping
// would have. A new luksFormat makes the old mapping's contents unreadable, so formatting again
// discards the image (after unmounting it, as closing the mapping would).
import { closeSync, existsSync, ftruncateSync, openSync, unlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loopDevicesUnder, mountsUnder } from './release';

/** LUKS2's default data offset (header and keyslot area) that the mapping leaves out. */
export const LUKS2_DATA_OFFSET_BYTES = 16 * 1024 * 1024;

export function prepareOpenedVolume(image: string, targetBytes: number): void {
  if (existsSync(image)) return;
  const fd = openSync(image, 'wx', 0o600);
  try {
    ftruncateSync(fd, Math.max(0, targetBytes - LUKS2_DATA_OFFSET_BYTES));
  } finally {
    closeSync(fd);
  }
}

/** Mount points whose source is a loop device backed by `image`. */
function mountsOf(image: string): string[] {
  const loops = new Set(loopDevicesUnder(image));
  if (loops.size === 0) return [];
  const text = spawnSync('findmnt', ['--list', '--noheadings', '--output', 'SOURCE,TARGET'], { encoding: 'utf8' }).stdout ?? '';
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([source, target]) => source !== undefined && target !== undefined && loops.has(source))
    .map(([, target]) => target!);
}

export function discardOpenedVolume(image: string): void {
  for (const target of mountsOf(image).sort((a, b) => b.length - a.length)) {
    for (const inner of mountsUnder(target)) spawnSync('umount', [inner]);
  }
  if (existsSync(image)) unlinkSync(image);
}
