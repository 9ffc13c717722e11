// GPT entries as sfdisk writes them, and what the helper makes of Spectrum's own layout.
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/sandbox-helper';
import { gptEntries, partitionSignatures } from './gpt';
import { HEAD_BYTES, findSignatures } from './magic-signatures';

const dir = makeTempDir('spectrum-gpt-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hasSfdisk = spawnSync('sfdisk', ['--version']).status === 0;

/** A disk image of `size` bytes partitioned by sfdisk with `script`; its first HEAD_BYTES. */
function disk(script: string, size = 256 * 1024 ** 2): { head: Uint8Array; tail: Uint8Array; size: number } {
  const file = path.join(dir, `disk-${Math.random().toString(36).slice(2)}.img`);
  let fd = openSync(file, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  const r = spawnSync('sfdisk', ['--quiet', file], { input: script, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  fd = openSync(file, 'r');
  const head = Buffer.alloc(HEAD_BYTES);
  const tail = Buffer.alloc(128 * 1024);
  readSync(fd, head, 0, head.length, 0);
  readSync(fd, tail, 0, tail.length, size - tail.length);
  closeSync(fd);
  return { head, tail, size };
}

const SPECTRUM = `label: gpt
size=8M, type=c12a7328-f81f-11d2-ba4b-00a0c93ec93b
size=8M, type=2c7357ed-ebd2-46d9-aec1-23d437ec2bf5, name=Spectrum_0.1.verity
size=16M, type=4f68bce3-e8cd-4db1-96e7-fbcaf984b709, name=Spectrum_0.1
size=8M, type=2c7357ed-ebd2-46d9-aec1-23d437ec2bf5, name=_empty
size=16M, type=4f68bce3-e8cd-4db1-96e7-fbcaf984b709, name=_empty
type=0fc63daf-8483-4772-8e79-3d69d8477de4, name=userdata
`;

describe.skipIf(!hasSfdisk)('GPT entries', () => {
  it("reads type, name and start of each entry of Spectrum's layout", () => {
    const entries = gptEntries(disk(SPECTRUM).head, 512)!;
    expect(entries.map((e) => [e.type, e.name])).toEqual([
      ['c12a7328-f81f-11d2-ba4b-00a0c93ec93b', ''],
      ['2c7357ed-ebd2-46d9-aec1-23d437ec2bf5', 'Spectrum_0.1.verity'],
      ['4f68bce3-e8cd-4db1-96e7-fbcaf984b709', 'Spectrum_0.1'],
      ['2c7357ed-ebd2-46d9-aec1-23d437ec2bf5', '_empty'],
      ['4f68bce3-e8cd-4db1-96e7-fbcaf984b709', '_empty'],
      ['0fc63daf-8483-4772-8e79-3d69d8477de4', 'userdata'],
    ]);
    expect(entries[0]!.startByte).toBe(1024 * 1024); // sfdisk aligns the first partition at 1 MiB
    expect(entries[1]!.startByte).toBe(9 * 1024 * 1024);
  });

  it('names the system partitions a whole disk holds', () => {
    const d = disk(SPECTRUM);
    const types = new Set(findSignatures(d.head, d.tail, d.size).map((h) => h.type));
    for (const t of ['gpt', 'dos', 'gpt-esp', 'gpt-root', 'gpt-root-verity', 'gpt-empty-slot']) expect(types).toContain(t);
  });

  it('finds no GPT where there is none, or at another block size', () => {
    expect(gptEntries(new Uint8Array(HEAD_BYTES), 512)).toBeNull();
    expect(gptEntries(disk(SPECTRUM).head, 4096)).toBeNull();
  });
});

describe('partitionSignatures', () => {
  it("knows an installed system's partitions, and an empty A/B slot by its name", () => {
    expect(partitionSignatures('C12A7328-F81F-11D2-BA4B-00A0C93EC93B', 'EFI')).toEqual(['gpt-esp']);
    expect(partitionSignatures('b921b045-1df0-41c3-af44-4c6f280d3fae', '_empty')).toEqual(['gpt-root', 'gpt-empty-slot']);
    expect(partitionSignatures('df3300ce-d69f-4c92-978c-9bfb0f38d820', 'Spectrum_0.1.verity')).toEqual(['gpt-root-verity']);
  });

  it('says nothing about a plain Linux data partition', () => {
    expect(partitionSignatures('0fc63daf-8483-4772-8e79-3d69d8477de4', 'userdata')).toEqual([]);
  });
});
