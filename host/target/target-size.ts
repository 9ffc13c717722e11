// The user-data target's size in bytes: a regular file's length, or a block device's size from
// sysfs (falling back to `blockdev --getsize64`).
import { readFile, stat } from 'node:fs/promises';
import type { Executor } from '../exec/executor';

export class TargetUnreadableError extends Error {}

export function majorMinor(rdev: bigint): [bigint, bigint] {
  const major = ((rdev >> 8n) & 0xfffn) | ((rdev >> 32n) & ~0xfffn);
  const minor = (rdev & 0xffn) | ((rdev >> 12n) & ~0xffn);
  return [major, minor & 0xffffffffn];
}

export async function targetSize(target: string, exec: Executor): Promise<number> {
  let st;
  try {
    st = await stat(target, { bigint: true });
  } catch (e) {
    throw new TargetUnreadableError(`cannot stat the user-data target: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (st.isFile()) return Number(st.size);
  if (!st.isBlockDevice()) throw new TargetUnreadableError('the user-data target is neither a block device nor a file');
  const [major, minor] = majorMinor(st.rdev);
  try {
    const sectors = (await readFile(`/sys/dev/block/${major}:${minor}/size`, 'utf8')).trim();
    if (/^\d+$/.test(sectors)) return Number(sectors) * 512;
  } catch {
    // No sysfs here: ask util-linux.
  }
  const r = await exec.run({ command: 'blockdev', args: ['--getsize64', target] });
  const text = r.stdout.trim();
  if (r.exitCode !== 0 || !/^\d+$/.test(text)) throw new TargetUnreadableError('cannot read the size of the user-data target');
  return Number(text);
}

/** Size for `hello`: 0 when the target cannot be read (a plan then fails verification honestly). */
export async function targetSizeOrZero(target: string, exec: Executor): Promise<number> {
  try {
    return await targetSize(target, exec);
  } catch {
    return 0;
  }
}
