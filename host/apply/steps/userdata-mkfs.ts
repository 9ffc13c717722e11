// userdata-mkfs: btrfs on the opened volume (skipped in the sandbox). The volume was created by
// this plan, so a btrfs already on it is ours from an earlier run of this step.
import { CommandFailedError, tail } from '../../luks/cryptsetup';
import { SKIPPED_IN_SANDBOX, StepError, type StepDefinition } from '../step-types';
import { USERDATA_DEVICE } from './userdata-open';

export const userdataMkfs: StepDefinition = {
  id: 'userdata-mkfs',
  async run(ctx) {
    if (ctx.env.kind === 'sandbox') return SKIPPED_IN_SANDBOX;
    const probe = await ctx.exec.run({ command: 'blkid', args: ['-p', '-o', 'value', '-s', 'TYPE', USERDATA_DEVICE] });
    const type = probe.exitCode === 0 ? probe.stdout.trim() : '';
    if (type === 'btrfs') return { state: 'done' };
    if (type !== '') throw new StepError('target-in-use', `the opened volume unexpectedly holds ${type}`, false);
    const r = await ctx.exec.run({ command: 'mkfs.btrfs', args: ['--label', 'userdata', USERDATA_DEVICE] });
    if (r.exitCode !== 0) throw new CommandFailedError('mkfs.btrfs', r.exitCode, tail(r.stderr));
    return { state: 'done' };
  },
};
