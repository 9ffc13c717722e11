// userdata-open: `cryptsetup open <target> userdata`. A `userdata` mapping that is already open
// is used only when the target backs it (a run after a failure or a restart); one that another
// device backs is someone else's. The sandbox has no device-mapper: it proves the key opens the
// volume (`open --test-passphrase`) and uses a clear image as the opened volume.
import { KEYSLOTS } from '../../luks/luks-tokens';
import { isBackedBy } from '../../luks/mapping';
import { prepareOpenedVolume } from '../../sandbox/opened-volume';
import { targetSize } from '../../target/target-size';
import { StepError, type StepContext, type StepDefinition } from '../step-types';

export const USERDATA_MAPPING = 'userdata';
export const USERDATA_DEVICE = `/dev/mapper/${USERDATA_MAPPING}`;

/** True: the mapping is open on the target; false: it is not open. Throws for anyone else's. */
async function mappingIsOurs(ctx: StepContext): Promise<boolean> {
  const status = await ctx.cryptsetup.status(USERDATA_MAPPING);
  if (status === null) return false;
  if (status !== 'unknown' && status.type.startsWith('LUKS') && (await isBackedBy(status, ctx.env.target))) return true;
  const backing = status === 'unknown' ? 'an unknown device' : (status.loop ?? status.device);
  throw new StepError('target-in-use', `a "${USERDATA_MAPPING}" mapping is already open on ${backing}, not on the user-data target`, false);
}

/** The opened volume's device, after checking that it is the target's; for mkfs and mount. */
export async function openedVolume(ctx: StepContext): Promise<string> {
  if (ctx.env.kind === 'sandbox') return ctx.env.openedVolume; // the clear stand-in, this sandbox's own file
  if (!(await mappingIsOurs(ctx)))
    throw new StepError('io', `the "${USERDATA_MAPPING}" mapping is not open (userdata-open has to run again)`, true);
  return USERDATA_DEVICE;
}

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
    if (!(await mappingIsOurs(ctx))) {
      await ctx.cryptsetup.open(ctx.secrets.primaryKey(), USERDATA_MAPPING);
      await openedVolume(ctx); // what cryptsetup opened is checked like any other mapping
    }
    return { state: 'done' };
  },
};
