// A stamp of the user-data target that changes whenever its content can have changed: for a
// file its inode, size and modification and change times; for a block device its number, size
// and the kernel's counts of writes and discards to it (/sys/dev/block/M:m/stat). Reading does
// not change it. Null when it cannot be told (no sysfs): then nothing is kept.
import { readFile, stat } from 'node:fs/promises';
import { majorMinor } from './target-size';

/** Fields of the block layer's stat file that count writes and discards (Documentation/block/stat.rst). */
const WRITE_FIELDS = [4, 6, 11, 13];

export async function targetStamp(target: string): Promise<string | null> {
  let st;
  try {
    st = await stat(target, { bigint: true });
  } catch {
    return null;
  }
  if (st.isFile()) return `file ${st.dev}:${st.ino} ${st.size} ${st.mtimeNs} ${st.ctimeNs}`;
  if (!st.isBlockDevice()) return null;
  const [major, minor] = majorMinor(st.rdev);
  try {
    const sys = `/sys/dev/block/${major}:${minor}`;
    const [size, counters] = await Promise.all([readFile(`${sys}/size`, 'utf8'), readFile(`${sys}/stat`, 'utf8')]);
    const fields = counters.trim().split(/\s+/);
    return `block ${major}:${minor} ${size.trim()} ${WRITE_FIELDS.map((i) => fields[i] ?? '-').join(' ')}`;
  } catch {
    return null;
  }
}
