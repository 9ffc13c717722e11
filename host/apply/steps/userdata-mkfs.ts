// userdata-mkfs: btrfs on the opened volume, made the way Spectrum's live image makes user data:
// `mkfs.btrfs` in a user namespace where this process is uid 1000 (`fs`), so that the file
// system's root belongs to `fs`. A file system already on the volume is kept only when this
// plan's journal says this step ran before (its own mkfs, then a failure); on a first run the
// volume was just formatted by this plan, so a file system there is not this installation's and
// is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FS_OWNER } from '../../fs/owned';
import { CommandFailedError, tail } from '../../luks/cryptsetup';
import { StepError, type StepDefinition } from '../step-types';
import { openedVolume } from './userdata-open';

export const USERDATA_FS_LABEL = 'userdata';

export const userdataMkfs: StepDefinition = {
  id: 'userdata-mkfs',
  async run(ctx) {
    const device = await openedVolume(ctx);
    const probe = await ctx.exec.run({ command: 'blkid', args: ['-p', '-o', 'value', '-s', 'TYPE', device] });
    const type = probe.exitCode === 0 ? probe.stdout.trim() : '';
    if (type === 'btrfs' && ctx.ranBefore) return { state: 'done' };
    if (type !== '') throw new StepError('target-in-use', `the opened volume holds ${type}, which this plan did not make`, false);
    const empty = mkdtempSync(path.join(tmpdir(), 'spectrum-userdata-root-'));
    try {
      const r = await ctx.exec.run({
        command: 'unshare',
        args: [
          `--map-user=${FS_OWNER.uid}`,
          `--map-group=${FS_OWNER.gid}`,
          'mkfs.btrfs',
          '--label',
          USERDATA_FS_LABEL,
          '--rootdir',
          empty,
          device,
        ],
      });
      if (r.exitCode !== 0) throw new CommandFailedError('mkfs.btrfs', r.exitCode, tail(r.stderr));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    return { state: 'done' };
  },
};
