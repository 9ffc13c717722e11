// Whether a host target is a whole disk (not a partition): a block device whose sysfs entry has
// no `partition` file. Such a target gets the user-data partition added (ADR 072).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';

export async function isWholeDisk(target: string): Promise<boolean> {
  const st = await stat(target, { bigint: true });
  if (!st.isBlockDevice()) return false;
  const major = ((st.rdev >> 8n) & 0xfffn) | ((st.rdev >> 32n) & ~0xfffn);
  const minor = (st.rdev & 0xffn) | ((st.rdev >> 12n) & ~0xffn);
  const sys = `/sys/dev/block/${major}:${minor}`;
  return existsSync(sys) && !existsSync(`${sys}/partition`) && !existsSync(`${sys}/loop`) && !existsSync(`${sys}/dm`);
}
