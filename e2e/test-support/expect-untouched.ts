// "The disk is untouched": what a scenario that is refused before anything is written checks.
// Read before and after the way an administrator would: blkid's view of the image (type, label,
// UUID…) and a hash of its head (every signature, LUKS header and superblock lives there).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { hashRange } from '../../host/test-support/spectrum-disk-image';
import { imagePath } from './sandbox-state';

/** LUKS2 headers are 16 MiB; file system superblocks sit within the first few. */
const HEAD_BYTES = 32 * 1024 ** 2;

export interface DiskFacts {
  /** `blkid -p -o export`: TYPE, LABEL, UUID… (empty when blkid finds nothing). */
  readonly blkid: Readonly<Record<string, string>>;
  readonly bytes: number;
  readonly headSha256: string;
}

export function diskFacts(sandboxDir: string): DiskFacts {
  const image = imagePath(sandboxDir);
  const r = spawnSync('blkid', ['-p', '-o', 'export', image], { encoding: 'utf8' });
  const blkid = Object.fromEntries(
    r.stdout
      .split('\n')
      .filter((l) => l.includes('=') && !l.startsWith('DEVNAME='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { blkid, bytes: statSync(image).size, headSha256: hashRange(image, 0, HEAD_BYTES) };
}

/**
 * The image is as `before` found it, and (for a sandbox that never accepted a plan) the helper
 * kept no journal: a plan refused at verification or admission is never journaled, so only
 * `helper.log` says why it was refused.
 */
export function expectDiskUntouched(sandboxDir: string, before: DiskFacts, options: { noJournal?: boolean } = {}): void {
  const after = diskFacts(sandboxDir);
  expect(after.blkid, 'blkid sees the same thing on the disk').toEqual(before.blkid);
  expect(after.bytes, 'the disk has its size').toBe(before.bytes);
  expect(after.headSha256, 'the head of the disk is byte for byte the same').toBe(before.headSha256);
  if (options.noJournal) expect(existsSync(path.join(sandboxDir, 'state', 'journal.json')), 'no plan was journaled').toBe(false);
}
