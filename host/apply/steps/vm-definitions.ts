// vm-definitions: one directory per app VM of the plan under <mount>/vms/, owned by `fs`, written
// from the payload the host image ships for it. Built-in VMs (system VMs, and apps the host image
// ships as VMs) get nothing: Spectrum imports them as sys.* at every boot, and a user copy would be
// a second VM claiming the same things. Only what this installation wrote is replaced: each
// folder is named in the plan's facts (the journal) before it is made, and anything else found
// under vms/ stops the step with target-in-use, untouched.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { appPayloadDir } from '../../catalog/host-catalog';
import { ensureDirs, userDataOwner } from '../../fs/owned';
import { writeVmDefinition } from '../../spectrum/vm-definition';
import { StepError, type StepContext, type StepDefinition } from '../step-types';
import { mountDir, noLinks } from './userdata-mount';

/** The app VMs of the plan that this installation writes (not built in). */
export function writtenApps(ctx: StepContext): string[] {
  const builtIn = new Set(ctx.catalog.filter((e) => e.availability === 'built-in').map((e) => e.id));
  return ctx.plan.payload.vms.apps.filter((app) => !builtIn.has(app)).sort();
}

export const vmDefinitions: StepDefinition = {
  id: 'vm-definitions',
  async run(ctx) {
    const owner = userDataOwner();
    const mount = mountDir(ctx);
    const vmsDir = noLinks(() => ensureDirs(mount, path.join(mount, 'vms'), owner));
    const ours = new Set(ctx.facts.vmDirs ?? []);
    const foreign = readdirSync(vmsDir)
      .filter((entry) => !ours.has(entry))
      .sort();
    if (foreign.length > 0) {
      throw new StepError(
        'target-in-use',
        `the user-data volume holds vms/${foreign.join(', vms/')}, which this installation did not write; nothing was changed there`,
        false,
      );
    }
    const wanted = new Set(writtenApps(ctx));
    for (const entry of ours) {
      if (!wanted.has(entry)) rmSync(path.join(vmsDir, entry), { recursive: true, force: true });
    }
    for (const app of [...wanted].sort()) {
      if (!ours.has(app)) {
        ours.add(app);
        ctx.facts.vmDirs = [...ours].sort(); // named before it exists: a retry knows it as ours
      }
      noLinks(() => writeVmDefinition(path.join(vmsDir, app), appPayloadDir(ctx.env.root, app), owner));
    }
    ctx.facts.vmDirs = [...wanted].sort();
    return { state: 'done' };
  },
};
