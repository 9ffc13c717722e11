// vm-definitions: one directory per app VM of the plan under <mount>/vms/, owned by `fs`, written
// from the payload the host image ships for it. Built-in VMs (system VMs, and apps the host image
// ships as VMs) get nothing: Spectrum imports them as sys.* at every boot, and a user copy would be
// a second VM claiming the same things. Stale entries from an earlier run are removed.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { appPayloadDir } from '../../catalog/host-catalog';
import { ensureDir, userDataOwner } from '../../fs/owned';
import { writeVmDefinition } from '../../spectrum/vm-definition';
import type { StepContext, StepDefinition } from '../step-types';
import { mountDir } from './userdata-mount';

/** The app VMs of the plan that this installation writes (not built in). */
export function writtenApps(ctx: StepContext): string[] {
  const builtIn = new Set(ctx.catalog.filter((e) => e.availability === 'built-in').map((e) => e.id));
  return ctx.plan.payload.vms.apps.filter((app) => !builtIn.has(app)).sort();
}

export const vmDefinitions: StepDefinition = {
  id: 'vm-definitions',
  async run(ctx) {
    const owner = userDataOwner();
    const vmsDir = path.join(mountDir(ctx), 'vms');
    ensureDir(vmsDir, owner);
    const wanted = new Set(writtenApps(ctx));
    for (const entry of readdirSync(vmsDir)) {
      if (!wanted.has(entry)) rmSync(path.join(vmsDir, entry), { recursive: true, force: true });
    }
    for (const app of wanted) writeVmDefinition(path.join(vmsDir, app), appPayloadDir(ctx.env.root, app), owner);
    return { state: 'done' };
  },
};
