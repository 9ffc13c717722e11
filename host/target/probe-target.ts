// Looks at the user-data target without changing a byte: size, signatures (own magic table and
// blkid -p), and for a LUKS header its spectrum-firstboot token and header label.
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CommandNotFoundError, type Executor } from '../exec/executor';
import { readLuksHeader, type LuksHeaderInfo } from './luks-header';
import { HEAD_BYTES, TAIL_BYTES, findSignatures } from './magic-signatures';
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

/** blkid -p: low-level probing, no cache. Exit 2 means nothing found; 8 means ambivalent (several). */
async function blkidTypes(target: string, exec: Executor): Promise<string[] | null> {
  let r;
  try {
    r = await exec.run({ command: 'blkid', args: ['-p', '-o', 'export', target], timeoutMs: 60_000 });
  } catch (e) {
    if (e instanceof CommandNotFoundError) return null;
    throw e;
  }
  if (r.exitCode === 2) return [];
  if (r.exitCode === 8) return ['ambivalent'];
  if (r.exitCode !== 0) throw new TargetUnreadableError(`blkid -p failed with exit ${r.exitCode ?? 'signal'}`);
  const types: string[] = [];
  for (const line of r.stdout.split('\n')) {
    const m = /^(TYPE|PTTYPE)=(.+)$/.exec(line.trim());
    if (m) types.push(m[2]!);
  }
  return types.length > 0 ? types : ['unknown'];
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
  for (const t of (await blkidTypes(target, exec)) ?? []) signatures.add(t);

  const luks: LuksHeaderInfo | null = signatures.has('crypto_LUKS') ? await readLuksHeader(head, target, exec) : null;
  return { sizeBytes, signatures: [...signatures].sort(), luks };
}
