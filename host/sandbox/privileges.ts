// Whether the sandbox can do what a host does as root: loop-mount the stand-in volume and give
// files to uid 1000. Without it the sandbox says so in its log, uses a plain folder for the mount
// and leaves owners as they are; every other step runs the same.
import { existsSync } from 'node:fs';

export function sandboxPrivileged(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/dev/loop-control');
}
