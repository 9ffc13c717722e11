// userdata-mkfs: btrfs on the opened volume (skipped in the sandbox). A file system already on
// it is kept only when this plan's journal says this step ran before (its own mkfs, then a
// failure); on a first run the volume was just formatted by this plan, so a file system there
// is not this installation's and is refused.
import { CommandFailedError, tail } from '../../luks/cryptsetup';
import { SKIPPED_IN_SANDBOX, StepError, type StepDefinition } from '../step-types';
import { openedVolume } from './userdata-open';

export const userdataMkfs: StepDefinition = {
  id: 'userdata-mkfs',
  async run(ctx) {
    if (ctx.env.kind === 'sandbox') return SKIPPED_IN_SANDBOX;
    const device = await openedVolume(ctx);
    const probe = await ctx.exec.run({ command: 'blkid', args: ['-p', '-o', 'value', '-s', 'TYPE', device] });
    const type = probe.exitCode === 0 ? probe.stdout.trim() : '';
    if (type === 'btrfs' && ctx.ranBefore) return { state: 'done' };
    if (type !== '') throw new StepError('target-in-use', `the opened volume holds ${type}, which this plan did not make`, false);
    const r = await ctx.exec.run({ command: 'mkfs.btrfs', args: ['--label', 'userdata', device] });
    if (r.exitCode !== 0) throw new CommandFailedError('mkfs.btrfs', r.exitCode, tail(r.stderr));
    return { state: 'done' };
  },
};
