// Where an answers file came from (docs/protocol.md §12.2): a folder, or the
// `spectrum-firstboot/` folder of a USB stick. Both are read the same way, with the size limit
// checked before the whole file is read, and the escrowed recovery key is written beside the
// file through the same place: atomically in a folder, through StickFiles on a stick (its file
// system as it is, never formatted, other files untouched).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../shared-node/fs/atomic-write';
import { StickFileError, type StickFiles } from '../usb/stick-files';
import type { Stick } from '../usb/sticks';

/** The folder on a stick (and on the ESP) that holds the answers file. */
export const STICK_ANSWERS_FOLDER = 'spectrum-firstboot';

export class AnswersReadError extends Error {
  constructor(
    message: string,
    /** The place itself cannot be read (a stick's file system): it is not known to hold answers. */
    readonly placeUnreadable = false,
  ) {
    super(message);
  }
}

export interface AnswersSource {
  /** How logs and messages name the place: a folder's path, or `USB stick <id>`. */
  readonly where: string;
  /** How they name one file there. */
  fileName(name: string): string;
  /** The file's bytes, null when there is none; AnswersReadError when larger than maxBytes or unreadable. */
  read(name: string, maxBytes: number): Promise<Uint8Array | null>;
  /** Writes (or replaces) one file beside the answers file. */
  write(name: string, data: Uint8Array, mode: number): Promise<void>;
}

export function folderSource(dir: string): AnswersSource {
  const abs = path.resolve(dir);
  return {
    where: abs,
    fileName: (name) => path.join(abs, name),
    read: (name, maxBytes) => Promise.resolve(readFolderFile(path.join(abs, name), maxBytes)),
    write: (name, data, mode) => Promise.resolve(writeFileAtomic(path.join(abs, name), data, mode)),
  };
}

function readFolderFile(file: string, maxBytes: number): Uint8Array | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new AnswersReadError(`the file cannot be read (${code ?? 'error'})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new AnswersReadError('the file is not a regular file');
    if (st.size > maxBytes) throw new AnswersReadError(`the file exceeds ${maxBytes} bytes`);
    const out = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, out, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return new Uint8Array(out.subarray(0, off));
  } catch (e) {
    if (e instanceof AnswersReadError) throw e;
    throw new AnswersReadError(`the file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}

/** A stick's `spectrum-firstboot/` folder. The mode is the stick's to decide (vfat has none). */
export function stickSource(stick: Stick, files: StickFiles): AnswersSource {
  const rel = (name: string) => `${STICK_ANSWERS_FOLDER}/${name}`;
  return {
    where: `USB stick ${stick.id}`,
    fileName: (name) => `${stick.id}:${rel(name)}`,
    async read(name, maxBytes) {
      let bytes: Buffer | null;
      try {
        bytes = await files.read(stick, rel(name), maxBytes);
      } catch (e) {
        const tooLarge = e instanceof StickFileError && e.code === 'too-large';
        throw new AnswersReadError(
          tooLarge ? `the file exceeds ${maxBytes} bytes` : `the USB stick cannot be read (${(e as Error).message})`,
          !tooLarge,
        );
      }
      return bytes === null ? null : new Uint8Array(bytes);
    },
    write: (name, data) => files.write(stick, rel(name), data),
  };
}
