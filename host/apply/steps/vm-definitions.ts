// vm-definitions: one directory per app VM of the plan under <mount>/vms/, owned by `fs`. The
// system VMs (netvm, guivm, usbvm) are Spectrum's built-in sys.* VMs: they get no user copy, which
// would start a second VM claiming the same hardware. Stale entries from an earlier run are removed.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureDir, userDataOwner } from '../../fs/owned';
import { recipeFor } from '../../spectrum/app-recipes';
import { writeVmDefinition } from '../../spectrum/vm-definition';
import type { StepDefinition } from '../step-types';
import { mountDir } from './userdata-mount';

export const vmDefinitions: StepDefinition = {
  id: 'vm-definitions',
  async run(ctx) {
    const owner = userDataOwner();
    const vmsDir = path.join(mountDir(ctx), 'vms');
    ensureDir(vmsDir, owner);
    const wanted = new Set(ctx.plan.payload.vms.apps);
    for (const entry of readdirSync(vmsDir)) {
      if (!wanted.has(entry)) rmSync(path.join(vmsDir, entry), { recursive: true, force: true });
    }
    for (const app of [...wanted].sort()) writeVmDefinition(path.join(vmsDir, app), recipeFor(app), owner);
    return { state: 'done' };
  },
};
