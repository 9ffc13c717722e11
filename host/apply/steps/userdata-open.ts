// userdata-open: `cryptsetup open <target> userdata`. The sandbox has no device-mapper: it proves
// the key opens the volume (`open --test-passphrase`) and uses a clear image as the opened volume.
import { KEYSLOTS } from '../../luks/luks-tokens';
import { prepareOpenedVolume } from '../../sandbox/opened-volume';
import { targetSize } from '../../target/target-size';
import { StepError, type StepDefinition } from '../step-types';

export const USERDATA_MAPPING = 'userdata';
export const USERDATA_DEVICE = `/dev/mapper/${USERDATA_MAPPING}`;

export const userdataOpen: StepDefinition = {
  id: 'userdata-open',
  async run(ctx) {
    if (ctx.env.kind === 'sandbox') {
      if (!(await ctx.cryptsetup.testKey(ctx.secrets.primaryKey(), KEYSLOTS.primary))) {
        throw new StepError('command-failed', 'the key does not open the user-data volume', true);
      }
      prepareOpenedVolume(ctx.env.openedVolume, await targetSize(ctx.env.target, ctx.exec));
      return { state: 'done' };
    }
    if (!(await ctx.cryptsetup.isActive(USERDATA_MAPPING))) {
      await ctx.cryptsetup.open(ctx.secrets.primaryKey(), USERDATA_MAPPING);
    }
    return { state: 'done' };
  },
};
