// userdata-open: `cryptsetup open <target> userdata` (needs device-mapper: skipped in the sandbox).
import { SKIPPED_IN_SANDBOX, type StepDefinition } from '../step-types';

export const USERDATA_MAPPING = 'userdata';
export const USERDATA_DEVICE = `/dev/mapper/${USERDATA_MAPPING}`;

export const userdataOpen: StepDefinition = {
  id: 'userdata-open',
  async run(ctx) {
    if (ctx.env.kind === 'sandbox') return SKIPPED_IN_SANDBOX;
    if (!(await ctx.cryptsetup.isActive(USERDATA_MAPPING))) {
      await ctx.cryptsetup.open(ctx.secrets.primaryKey(), USERDATA_MAPPING);
    }
    return { state: 'done' };
  },
};
