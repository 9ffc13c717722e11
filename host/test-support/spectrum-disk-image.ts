// A GPT disk image laid out as Spectrum's live image (release/live): an ESP and slot A (verity and
// root, `Spectrum_<version>`) holding bytes, slot B (`_empty` verity and root) blank, and free
// space after them. Used as DIR/disk.img, the sandbox's stand-in for the machine's whole disk.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';

const MiB = 1024 * 1024;
const ESP = 'c12a7328-f81f-11d2-ba4b-00a0c93ec93b';
const VERITY = '2c7357ed-ebd2-46d9-aec1-23d437ec2bf5';
const ROOT = '4f68bce3-e8cd-4db1-96e7-fbcaf984b709';

export interface DiskSpec {
  /** The whole image's size. */
  readonly totalBytes: number;
  readonly version?: string;
}

interface Part {
  readonly type: string;
  readonly name: string;
  readonly mib: number;
  readonly filled: boolean;
}

function parts(version: string): Part[] {
  return [
    { type: ESP, name: 'ESP', mib: 32, filled: true },
    { type: VERITY, name: `Spectrum_${version}.verity`, mib: 4, filled: true },
    { type: ROOT, name: `Spectrum_${version}`, mib: 48, filled: true },
    { type: VERITY, name: '_empty', mib: 4, filled: false },
    { type: ROOT, name: '_empty', mib: 48, filled: false },
  ];
}

/** Writes the image; the system area ends after 137 MiB. */
export function writeSpectrumDisk(file: string, spec: DiskSpec): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    ftruncateSync(fd, spec.totalBytes);
  } finally {
    closeSync(fd);
  }
  const table =
    [
      'label: gpt',
      ...parts(spec.version ?? '0.1').map((p, i) => `${i === 0 ? 'start=2048, ' : ''}size=${p.mib * 2048}, type=${p.type}, name=${p.name}`),
    ].join('\n') + '\n';
  const r = spawnSync('sfdisk', ['--no-reread', '--no-tell-kernel', '--quiet', file], { input: table, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sfdisk failed: ${r.stderr}`);
  const out = openSync(file, 'r+');
  try {
    let offset = MiB;
    for (const [i, p] of parts(spec.version ?? '0.1').entries()) {
      if (p.filled) {
        const block = createHash('sha512').update(`${i}:${p.name}`).digest();
        const chunk = Buffer.alloc(MiB);
        for (let o = 0; o < MiB; o += block.length) block.copy(chunk, o);
        for (let m = 0; m < p.mib; m++) {
          chunk.writeUInt32LE(m, 0); // every MiB differs
          writeSync(out, chunk, 0, MiB, offset + m * MiB);
        }
      }
      offset += p.mib * MiB;
    }
  } finally {
    closeSync(out);
  }
}

/** sha256 of a byte range of a file. */
export function hashRange(file: string, start: number, length: number): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4 * MiB);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, length - done), start + done);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

export interface SfdiskPartition {
  readonly node: string;
  readonly start: number;
  readonly size: number;
  readonly type: string;
  readonly uuid: string;
  readonly name?: string;
}

export function partitionsOf(file: string): SfdiskPartition[] {
  const r = spawnSync('sfdisk', ['--json', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sfdisk --json failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { partitiontable: { partitions: SfdiskPartition[] } }).partitiontable.partitions;
}
