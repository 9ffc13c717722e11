// The USB key file: 64 random bytes in a folder on the stick's existing file system, enrolled
// in its own keyslot with the high-entropy KDF and named by a spectrum-usb-key token
// (docs/decisions/081-usb-key-file.md). Written, then read back and compared before anything
// relies on it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { USB_KEY_FOLDER } from '../luks/unlock-tokens';
import { StickFileError, type StickFiles } from './stick-files';
import type { Stick } from './sticks';

export const KEY_FILE_BYTES = 64;
/** A key file larger than this is not ours: do not read it into memory. */
export const KEY_FILE_MAX_BYTES = 8192;

/** The key file's path on the stick, named after the installation so sticks can serve several machines. */
export function keyFilePath(installId: string): string {
  const name = Buffer.from(installId, 'base64url').toString('hex');
  return `${USB_KEY_FOLDER}/${name}.key`;
}

export function newKeyFileKey(): Buffer {
  return randomBytes(KEY_FILE_BYTES);
}

/** Writes `key` and reads it back; throws StickFileError (verify-failed) if the stick does not give it back. */
export async function writeKeyFile(files: StickFiles, stick: Stick, relPath: string, key: Uint8Array): Promise<void> {
  await files.write(stick, relPath, key);
  const back = await files.read(stick, relPath, KEY_FILE_MAX_BYTES);
  try {
    if (!back || back.length !== key.length || !timingSafeEqual(back, key)) {
      throw new StickFileError('verify-failed', 'the key file read back from the stick differs from what was written');
    }
  } finally {
    back?.fill(0);
  }
}

/** The key file's bytes (the caller wipes them), or null when the stick has none at that path. */
export function readKeyFile(files: StickFiles, stick: Stick, relPath: string): Promise<Buffer | null> {
  return files.read(stick, relPath, KEY_FILE_MAX_BYTES);
}
