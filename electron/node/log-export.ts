// `log.export`: the renderer's log text, written to a new file in the export folder, with
// anything shaped like a recovery key removed first.
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** systemd's modhex recovery key, with or without dashes, in any case. */
const RECOVERY_KEY_LIKE = /(?<![a-z])[cbdefghijklnrtuv]{8}(?:[-\s]?[cbdefghijklnrtuv]{8}){7}(?![a-z])/gi;
export const SCRUBBED = '[recovery key removed]';

export function scrubRecoveryKeys(text: string): string {
  return text.replace(RECOVERY_KEY_LIKE, SCRUBBED);
}

/** `spectrum-firstboot-20261125T101112Z.log`: sortable, no characters that need quoting. */
export function exportFileName(now: Date): string {
  return `spectrum-firstboot-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')}.log`;
}

export async function exportLog(dir: string, text: string, now: Date): Promise<string> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const base = exportFileName(now).replace(/\.log$/, '');
  const body = scrubRecoveryKeys(text);
  for (let n = 0; n < 100; n++) {
    const file = path.join(dir, n === 0 ? `${base}.log` : `${base}-${n}.log`);
    try {
      await fs.writeFile(file, body, { flag: 'wx', mode: 0o600 });
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error('too many log exports in one second');
}
