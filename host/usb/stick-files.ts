// Reading and writing one file on a stick's existing file system, never formatting it: vfat
// through mtools (no mount, no root needed), ext4 and exfat through a private mount
// (nosuid,nodev,noexec,nosymfollow; a loop device for an image file), read-only when reading.
// Paths are relative to the file system's root and checked by the caller's schema.
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  rmdirSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tail } from '../luks/cryptsetup';
import type { Executor } from '../exec/executor';
import type { Stick } from './sticks';

export type StickFileFailure = 'unsupported' | 'mount-failed' | 'write-failed' | 'read-failed' | 'too-large' | 'verify-failed';

export class StickFileError extends Error {
  constructor(
    readonly code: StickFileFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface StickFiles {
  /** The file's bytes (the caller wipes them), or null when there is no such file. */
  read(stick: Stick, relPath: string, maxBytes: number): Promise<Buffer | null>;
  /** Creates the file's folder if needed and writes the file (replacing an earlier one). */
  write(stick: Stick, relPath: string, data: Uint8Array): Promise<void>;
}

const MTOOLS_ENV = { MTOOLS_SKIP_CHECK: '1' };

/** Picks mtools or a mount by the stick's file system. */
export class StickFileAccess implements StickFiles {
  private readonly vfat: MtoolsFiles;
  private readonly mounted: MountedFiles;

  constructor(exec: Executor, scratchDir: string = tmpdir()) {
    this.vfat = new MtoolsFiles(exec);
    this.mounted = new MountedFiles(exec, scratchDir);
  }

  private pick(stick: Stick): StickFiles {
    if (stick.fsType === 'vfat') return this.vfat;
    if (stick.fsType === 'ext4' || stick.fsType === 'exfat') return this.mounted;
    throw new StickFileError(
      'unsupported',
      `the stick's file system (${stick.fsType ?? 'none'}) cannot hold a key file: use vfat, exfat or ext4`,
    );
  }

  read(stick: Stick, relPath: string, maxBytes: number): Promise<Buffer | null> {
    return this.pick(stick).read(stick, relPath, maxBytes);
  }

  write(stick: Stick, relPath: string, data: Uint8Array): Promise<void> {
    return this.pick(stick).write(stick, relPath, data);
  }
}

class MtoolsFiles implements StickFiles {
  constructor(private readonly exec: Executor) {}

  async read(stick: Stick, relPath: string, maxBytes: number): Promise<Buffer | null> {
    const r = await this.exec.run({
      command: 'mcopy',
      args: ['-n', '-i', stick.device, `::/${relPath}`, '-'],
      env: MTOOLS_ENV,
      binaryStdout: true,
    });
    const bytes = r.stdoutBytes ?? Buffer.alloc(0);
    if (r.exitCode !== 0) {
      bytes.fill(0);
      if (/not found/i.test(r.stderr)) return null;
      throw new StickFileError('read-failed', `mcopy could not read the stick: ${tail(r.stderr, 200)}`);
    }
    if (bytes.length > maxBytes) {
      bytes.fill(0);
      throw new StickFileError('too-large', `the file is larger than ${maxBytes} bytes`);
    }
    return bytes;
  }

  async write(stick: Stick, relPath: string, data: Uint8Array): Promise<void> {
    const folder = path.posix.dirname(relPath);
    const exists = await this.exec.run({ command: 'mdir', args: ['-b', '-i', stick.device, `::/${folder}`], env: MTOOLS_ENV });
    if (exists.exitCode !== 0) {
      const made = await this.exec.run({ command: 'mmd', args: ['-i', stick.device, `::/${folder}`], env: MTOOLS_ENV });
      if (made.exitCode !== 0)
        throw new StickFileError('write-failed', `could not make the folder ${folder} on the stick: ${tail(made.stderr, 200)}`);
    }
    const r = await this.exec.run({
      command: 'mcopy',
      args: ['-D', 'o', '-i', stick.device, '-', `::/${relPath}`],
      stdin: data,
      env: MTOOLS_ENV,
    });
    if (r.exitCode !== 0) throw new StickFileError('write-failed', `could not write the key file on the stick: ${tail(r.stderr, 200)}`);
  }
}

class MountedFiles implements StickFiles {
  constructor(
    private readonly exec: Executor,
    private readonly scratchDir: string,
  ) {}

  private async withMount<T>(stick: Stick, readOnly: boolean, use: (root: string) => T): Promise<T> {
    const where = mkdtempSync(path.join(this.scratchDir, 'spectrum-stick-'));
    const options = [readOnly ? 'ro' : 'rw', 'nosuid', 'nodev', 'noexec', 'nosymfollow', ...(stick.image ? ['loop'] : [])].join(',');
    try {
      const m = await this.exec.run({ command: 'mount', args: ['-t', stick.fsType!, '-o', options, '--', stick.device, where] });
      if (m.exitCode !== 0) {
        throw new StickFileError(
          'mount-failed',
          `the stick's ${stick.fsType} file system could not be mounted${readOnly ? '' : ' for writing'}: ${tail(m.stderr, 200)}`,
        );
      }
      let outcome: { value: T } | { error: unknown };
      try {
        outcome = { value: use(where) };
      } catch (error) {
        outcome = { error };
      }
      const u = await this.exec.run({ command: 'umount', args: ['--', where] });
      if ('error' in outcome) throw outcome.error;
      if (u.exitCode !== 0)
        throw new StickFileError(readOnly ? 'read-failed' : 'write-failed', `the stick could not be unmounted: ${tail(u.stderr, 200)}`);
      return outcome.value;
    } finally {
      try {
        rmdirSync(where);
      } catch {
        // still mounted (umount failed): leave the empty mount point rather than hide that
      }
    }
  }

  read(stick: Stick, relPath: string, maxBytes: number): Promise<Buffer | null> {
    return this.withMount(stick, true, (root) => {
      let fd: number;
      try {
        if (lstatSync(path.join(root, path.dirname(relPath))).isSymbolicLink()) return null;
        fd = openSync(path.join(root, relPath), constants.O_RDONLY | constants.O_NOFOLLOW);
      } catch {
        return null;
      }
      try {
        const size = fstatSync(fd).size;
        if (size > maxBytes) throw new StickFileError('too-large', `the file is larger than ${maxBytes} bytes`);
        const out = Buffer.alloc(size);
        let off = 0;
        while (off < size) {
          const n = readSync(fd, out, off, size - off, off);
          if (n === 0) break;
          off += n;
        }
        return out.subarray(0, off);
      } finally {
        closeSync(fd);
      }
    });
  }

  write(stick: Stick, relPath: string, data: Uint8Array): Promise<void> {
    return this.withMount(stick, false, (root) => {
      const folder = path.join(root, path.dirname(relPath));
      try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        if (lstatSync(folder).isSymbolicLink()) throw new Error('the key folder is a symbolic link');
        const fd = openSync(
          path.join(root, relPath),
          constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
          0o400,
        );
        try {
          let off = 0;
          while (off < data.length) off += writeSync(fd, data, off, data.length - off);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        const dirFd = openSync(folder, constants.O_RDONLY | constants.O_DIRECTORY);
        try {
          fsyncSync(dirFd);
        } finally {
          closeSync(dirFd);
        }
      } catch (e) {
        if (e instanceof StickFileError) throw e;
        throw new StickFileError('write-failed', `could not write the key file on the stick: ${(e as Error).message}`);
      }
    });
  }
}
