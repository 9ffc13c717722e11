// Where a sandbox's user data is mounted, found the way mount-userdata names it: the file
// system UUID of the opened volume (the sandbox's clear image), under DIR/root/media.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export function clearImagePath(sandboxDir: string): string {
  return path.join(sandboxDir, 'userdata-clear.img');
}

export function fileSystemUuid(sandboxDir: string): string {
  const r = spawnSync('blkid', ['-p', '-o', 'value', '-s', 'UUID', clearImagePath(sandboxDir)], { encoding: 'utf8' });
  const uuid = r.stdout.trim();
  if (r.status !== 0 || uuid === '') throw new Error(`no file system on ${clearImagePath(sandboxDir)} (blkid exit ${r.status})`);
  return uuid;
}

/** DIR/root/media/<file system uuid>. */
export function userDataMount(sandboxDir: string): string {
  return path.join(sandboxDir, 'root', 'media', fileSystemUuid(sandboxDir));
}
