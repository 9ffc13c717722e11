// userdata-mount: Spectrum's `mount-userdata` mounts the volume's btrfs at /media/<file system
// uuid> with nosuid,nodev,noexec,nosymfollow and prints that path. The sandbox does the same with
// a loop mount of its clear image at DIR/root/media/<uuid> (a plain folder where it may not mount).
// Either way the mount's root then belongs to `fs` (uid 1000) with mode 0755, as on Spectrum's
// live image, whatever the btrfs tools wrote.
import { readFile } from 'node:fs/promises';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureDir, userDataOwner } from '../../fs/owned';
import { MODES, SymlinkRefusedError, existingDir, makeDirs } from '../../fs/safe-fs';
import { CommandFailedError, tail } from '../../luks/cryptsetup';
import { mountsUnder } from '../../sandbox/release';
import { MEDIA_DIR, STORAGE_DIR } from '../../spectrum/host-paths';
import { StepError, type StepContext, type StepDefinition } from '../step-types';
import { openedVolume } from './userdata-open';

/** mount-userdata's options: no set-uid, no devices, no programs, no link followed. */
export const USERDATA_MOUNT_OPTIONS = 'nosuid,nodev,noexec,nosymfollow';

/** Where `device` is mounted already, if it is (so the step can run again). */
async function existingMount(device: string): Promise<string | null> {
  const mounts = await readFile('/proc/self/mounts', 'utf8').catch(() => '');
  for (const line of mounts.split('\n')) {
    const [source, target] = line.split(' ');
    if (source === device && target) return target.replace(/\\040/g, ' ');
  }
  return null;
}

async function mountOnHost(ctx: StepContext): Promise<string> {
  const device = await openedVolume(ctx); // the mapping is the target's, so its mount is ours
  const mounted = await existingMount(device);
  if (mounted) return mounted;
  const r = await ctx.exec.run({ command: 'mount-userdata', args: [device] });
  if (r.exitCode !== 0) throw new CommandFailedError('mount-userdata', r.exitCode, tail(r.stderr));
  const printed = r.stdout.trim().split('\n').pop() ?? '';
  if (!path.isAbsolute(printed)) throw new StepError('command-failed', 'mount-userdata printed no mount path', true);
  return printed;
}

async function fileSystemUuid(ctx: StepContext): Promise<string> {
  const r = await ctx.exec.run({ command: 'blkid', args: ['-p', '-o', 'value', '-s', 'UUID', ctx.env.openedVolume] });
  const uuid = r.stdout.trim();
  if (r.exitCode !== 0 || !/^[0-9a-f-]{36}$/.test(uuid))
    throw new StepError('command-failed', 'the opened volume has no file system UUID', true);
  return uuid;
}

/** mount-userdata, as the sandbox can do it. */
async function mountInSandbox(ctx: StepContext): Promise<string> {
  const mountPath = path.posix.join(MEDIA_DIR, await fileSystemUuid(ctx));
  // Walked from the sandbox root without following a link; the mount point is made 0755.
  const where = noLinks(() => makeDirs(ctx.env.root, mountPath, MODES.sharedDir));
  if (!ctx.env.privileged) {
    ctx.log.warn('sandbox-plain-mount', { reason: 'not root or no loop devices: user data is a plain folder, owners unchanged' });
  } else if (!mountsUnder(where).includes(where)) {
    const r = await ctx.exec.run({
      command: 'mount',
      args: ['-t', 'btrfs', '-o', `loop,${USERDATA_MOUNT_OPTIONS}`, ctx.env.openedVolume, where],
    });
    if (r.exitCode !== 0) throw new CommandFailedError('mount', r.exitCode, tail(r.stderr));
  }
  // mount-userdata removes storage folders that transient VMs left (tmp.*).
  const storage = path.join(where, STORAGE_DIR);
  if (existsSync(storage))
    for (const e of readdirSync(storage)) if (e.startsWith('tmp.')) rmSync(path.join(storage, e), { recursive: true, force: true });
  return mountPath;
}

export const userdataMount: StepDefinition = {
  id: 'userdata-mount',
  async run(ctx) {
    ctx.facts.mountPath = ctx.env.kind === 'sandbox' ? await mountInSandbox(ctx) : await mountOnHost(ctx);
    noLinks(() => ensureDir(mountDir(ctx), userDataOwner()));
    return { state: 'done' };
  },
};

/** A link where the helper writes fails the step (`io`, retryable once it is removed). */
export function noLinks<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof SymlinkRefusedError) throw new StepError('io', e.message, true);
    throw e;
  }
}

/**
 * The mount as a path this process can write to (under the sandbox root when there is one),
 * checked from the root down: every folder on the way exists and none is a symbolic link.
 */
export function mountDir(ctx: StepContext): string {
  if (!ctx.facts.mountPath) throw new StepError('internal', 'the user-data mount is not known (userdata-mount has not run)', true);
  const mountPath = ctx.facts.mountPath;
  return noLinks(() => existingDir(ctx.env.root, mountPath));
}
