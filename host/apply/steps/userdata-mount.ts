// userdata-mount: Spectrum's `mount-userdata` mounts the volume at /media/<filesystem uuid> and
// prints that path. In the sandbox the mount is the plain folder root/media/<LUKS uuid>.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MODES, SymlinkRefusedError, existingDir, makeDirs } from '../../fs/safe-fs';
import { CommandFailedError, tail } from '../../luks/cryptsetup';
import { StepError, type StepContext, type StepDefinition } from '../step-types';
import { USERDATA_DEVICE, openedVolume } from './userdata-open';

/** Where /dev/mapper/userdata is mounted already, if it is (so the step can run again). */
async function existingMount(): Promise<string | null> {
  const mounts = await readFile('/proc/self/mounts', 'utf8').catch(() => '');
  for (const line of mounts.split('\n')) {
    const [source, target] = line.split(' ');
    if (source === USERDATA_DEVICE && target) return target.replace(/\\040/g, ' ');
  }
  return null;
}

async function mountOnHost(ctx: StepContext): Promise<string> {
  const device = await openedVolume(ctx); // the mapping is the target's, so its mount is ours
  const mounted = await existingMount();
  if (mounted) return mounted;
  const r = await ctx.exec.run({ command: 'mount-userdata', args: [device] });
  if (r.exitCode !== 0) throw new CommandFailedError('mount-userdata', r.exitCode, tail(r.stderr));
  const printed = r.stdout.trim().split('\n').pop() ?? '';
  if (!path.isAbsolute(printed)) throw new StepError('command-failed', 'mount-userdata printed no mount path', true);
  return printed;
}

export const userdataMount: StepDefinition = {
  id: 'userdata-mount',
  async run(ctx) {
    if (ctx.env.kind === 'sandbox') {
      const uuid = ctx.facts.luksUuid ?? (await ctx.cryptsetup.uuid());
      ctx.facts.luksUuid = uuid;
      ctx.facts.mountPath = `/media/${uuid}`;
      noLinks(() => makeDirs(ctx.env.root, ctx.facts.mountPath!, MODES.sharedDir));
    } else {
      ctx.facts.mountPath = await mountOnHost(ctx);
    }
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
