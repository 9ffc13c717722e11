// Looks at the user-data target without changing a byte: size, signatures (own magic table,
// the target's own GPT entry when it is a partition, and blkid -p), and for a LUKS header its
// spectrum-firstboot token and header label. A probe that cannot run in full throws
// (TargetUnreadableError): "could not look" is never taken for "nothing there".
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CommandNotFoundError, type Executor } from '../exec/executor';
import { partitionSignatures } from './gpt';
import { readLuksHeader, type LuksHeaderInfo } from './luks-header';
import { HEAD_BYTES, TAIL_BYTES, findSignatures } from './magic-signatures';
import { ownPartitionEntry } from './partition-entry';
import { TargetUnreadableError, targetSize } from './target-size';

export type { LuksHeaderInfo } from './luks-header';

export interface TargetProbe {
  readonly sizeBytes: number;
  /** Distinct signature types found (empty: blank). */
  readonly signatures: readonly string[];
  readonly luks: LuksHeaderInfo | null;
}

async function readRange(fd: import('node:fs/promises').FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buf = Buffer.alloc(Math.max(0, length));
  let off = 0;
  while (off < buf.length) {
    const { bytesRead } = await fd.read(buf, off, buf.length - off, position + off);
    if (bytesRead === 0) break;
    off += bytesRead;
  }
  return buf.subarray(0, off);
}

/**
 * blkid -p: low-level probing, no cache. Exit 0: found (TYPE, PTTYPE, and for a partition its
 * PART_ENTRY_*); 8: ambivalent (several); 2: nothing found, but also "could not open", which
 * blkid reports on stderr. blkid missing, killed or complaining is a probe that did not run.
 */
async function blkidTypes(target: string, exec: Executor): Promise<string[]> {
  let r;
  try {
    r = await exec.run({ command: 'blkid', args: ['-p', '-o', 'export', target], timeoutMs: 60_000 });
  } catch (e) {
    if (e instanceof CommandNotFoundError) throw new TargetUnreadableError('blkid is not in the tool path');
    throw e;
  }
  if (r.exitCode === 2 && r.stderr.trim() === '' && r.stdout.trim() === '') return [];
  if (r.exitCode === 8) return ['ambivalent'];
  if (r.exitCode !== 0)
    throw new TargetUnreadableError(
      `blkid -p failed with exit ${r.exitCode ?? r.signal ?? 'unknown'}${r.stderr.trim() ? `: ${r.stderr.trim().slice(0, 200)}` : ''}`,
    );
  const fields = new Map<string, string>();
  for (const line of r.stdout.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) fields.set(m[1]!, m[2]!);
  }
  const types = ['TYPE', 'PTTYPE'].map((k) => fields.get(k)).filter((t): t is string => t !== undefined);
  if (fields.has('PART_ENTRY_SCHEME'))
    types.push(...partitionSignatures(fields.get('PART_ENTRY_TYPE') ?? '', fields.get('PART_ENTRY_NAME') ?? ''));
  // Found something, but nothing this helper can name: count it as data.
  if (types.length === 0 && !fields.has('PART_ENTRY_SCHEME')) return ['unknown'];
  return types;
}

/** What the target's own GPT entry says, when it is a partition (its bytes alone cannot tell). */
async function partitionTypes(target: string): Promise<string[]> {
  let entry;
  try {
    entry = await ownPartitionEntry(target);
  } catch (e) {
    throw new TargetUnreadableError(`cannot read the partition table of the user-data target: ${(e as Error).message}`);
  }
  return entry ? partitionSignatures(entry.type, entry.name) : [];
}

export async function probeTarget(target: string, exec: Executor): Promise<TargetProbe> {
  const sizeBytes = await targetSize(target, exec);
  const st = await stat(target);
  const signatures = new Set<string>();
  let head: Uint8Array;
  let fd;
  try {
    // O_EXCL on a block device fails with EBUSY while the kernel uses it (mounted, mapped, RAID…).
    fd = await open(target, constants.O_RDONLY | (st.isBlockDevice() ? constants.O_EXCL : 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EBUSY') return { sizeBytes, signatures: ['in-use'], luks: null };
    throw new TargetUnreadableError(`cannot open the user-data target: ${code ?? 'error'}`);
  }
  try {
    head = await readRange(fd, 0, Math.min(HEAD_BYTES, sizeBytes));
    const tailLength = Math.min(TAIL_BYTES, sizeBytes);
    const tailBytes = await readRange(fd, sizeBytes - tailLength, tailLength);
    for (const hit of findSignatures(head, tailBytes, sizeBytes)) signatures.add(hit.type);
  } catch (e) {
    throw new TargetUnreadableError(`cannot read the user-data target: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  } finally {
    await fd.close();
  }
  for (const t of await partitionTypes(target)) signatures.add(t);
  for (const t of await blkidTypes(target, exec)) signatures.add(t);

  const luks: LuksHeaderInfo | null = signatures.has('crypto_LUKS') ? await readLuksHeader(head, target, exec) : null;
  return { sizeBytes, signatures: [...signatures].sort(), luks };
}
