// vm-definitions: one directory per app VM of the plan under <mount>/vms/. The system VMs
// (netvm, guivm, usbvm) are Spectrum's built-in sys.* VMs: they get no user copy, which would
// start a second VM claiming the same hardware. Only what this installation wrote is replaced:
// each folder is named in the plan's facts (the journal) before it is made, and anything else
// found under vms/ stops the step with target-in-use, untouched.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MODES, makeDirs } from '../../fs/safe-fs';
import { recipeFor } from '../../spectrum/app-recipes';
import { writeVmDefinition } from '../../spectrum/vm-definition';
import { StepError, type StepDefinition } from '../step-types';
import { mountDir, noLinks } from './userdata-mount';

export const vmDefinitions: StepDefinition = {
  id: 'vm-definitions',
  async run(ctx) {
    const vmsDir = noLinks(() => makeDirs(mountDir(ctx), 'vms', MODES.sharedDir));
    const ours = new Set(ctx.facts.vmDirs ?? []);
    const foreign = readdirSync(vmsDir).filter((entry) => !ours.has(entry)).sort();
    if (foreign.length > 0) {
      throw new StepError('target-in-use', `the user-data volume holds vms/${foreign.join(', vms/')}, which this installation did not write; nothing was changed there`, false);
    }
    const wanted = new Set(ctx.plan.payload.vms.apps);
    for (const entry of ours) {
      if (!wanted.has(entry)) rmSync(path.join(vmsDir, entry), { recursive: true, force: true });
    }
    for (const app of [...wanted].sort()) {
      if (!ours.has(app)) {
        ours.add(app);
        ctx.facts.vmDirs = [...ours].sort(); // named before it exists: a retry knows it as ours
      }
      noLinks(() => writeVmDefinition(vmsDir, app, recipeFor(app)));
    }
    ctx.facts.vmDirs = [...wanted].sort();
    return { state: 'done' };
  },
};
