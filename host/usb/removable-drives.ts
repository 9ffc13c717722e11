// The removable drives the helper and the unlock program work with: where sticks are listed
// from (lsblk on a host, DIR/usb/*.img in the sandbox) and how files on them are reached.
import path from 'node:path';
import type { Executor } from '../exec/executor';
import { StickFileAccess, type StickFiles } from './stick-files';
import { HostSticks, SANDBOX_STICK_DIR, SandboxSticks, type StickSource } from './sticks';

export interface RemovableDrives {
  readonly sticks: StickSource;
  readonly files: StickFiles;
}

export function hostDrives(exec: Executor): RemovableDrives {
  return { sticks: new HostSticks(exec), files: new StickFileAccess(exec) };
}

/** The sandbox's stand-ins: image files in DIR/usb. */
export function sandboxDrives(exec: Executor, sandboxDir: string): RemovableDrives {
  return { sticks: new SandboxSticks(exec, path.join(sandboxDir, SANDBOX_STICK_DIR)), files: new StickFileAccess(exec) };
}
