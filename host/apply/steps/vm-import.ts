// vm-import: registers each user VM with the host, from its per-boot definition under /run
// (ADR 070): `vm-import user /run/user-vms/<app> [<storage>]`, with the storage folder only for
// app VMs that keep their files (vm-import gives storage to every VM it imports in one call, so
// each VM is imported on its own). vm-import refuses a name that is registered already, so a VM
// registered from this very definition is left as it is: running the step again is safe. The
// sandbox runs a stand-in with vm-import's effects on the file system.
import path from 'node:path';
import { keepsFiles } from '../../../shared/plan/plan-schema';
import { ensureDirs, userDataOwner } from '../../fs/owned';
import { CommandFailedError, tail } from '../../luks/cryptsetup';
import { StandInFailure, standInVmImport } from '../../sandbox/vm-import-stand-in';
import { STORAGE_DIR, USER_VM_PREFIX } from '../../spectrum/host-paths';
import { buildPerBootDefinition } from '../../spectrum/per-boot-definition';
import { registration } from '../../spectrum/vm-registry';
import { StepError, type StepContext, type StepDefinition } from '../step-types';
import { mountDir, noLinks } from './userdata-mount';
import { writtenApps } from './vm-definitions';

async function runVmImport(ctx: StepContext, importDir: string, storage: string | undefined): Promise<void> {
  if (ctx.env.kind === 'sandbox') {
    try {
      await standInVmImport(ctx.env.root, USER_VM_PREFIX, importDir, storage, ctx.exec, ctx.env.privileged);
    } catch (e) {
      if (e instanceof StandInFailure) throw new CommandFailedError('vm-import', 1, tail(e.message));
      throw e;
    }
    return;
  }
  const r = await ctx.exec.run({ command: 'vm-import', args: [USER_VM_PREFIX, importDir, ...(storage === undefined ? [] : [storage])] });
  if (r.exitCode !== 0) throw new CommandFailedError('vm-import', r.exitCode, tail(r.stderr));
}

export const vmImport: StepDefinition = {
  id: 'vm-import',
  async run(ctx) {
    const mount = mountDir(ctx);
    const storage = path.join(mount, STORAGE_DIR);
    const { payload } = ctx.plan;
    const apps = writtenApps(ctx);
    if (apps.some((app) => keepsFiles(payload, app))) noLinks(() => ensureDirs(mount, storage, userDataOwner()));
    for (const app of apps) {
      const definition = buildPerBootDefinition(ctx.env.root, ctx.facts.mountPath!, app);
      const name = `${USER_VM_PREFIX}.${app}`;
      const registered = registration(ctx.env.root, name, definition.configDir);
      if (registered.kind === 'same') continue;
      if (registered.kind === 'other') {
        throw new StepError(
          'command-failed',
          `a VM named ${name} is registered already, from ${registered.config ?? 'an unfinished import'}`,
          true,
        );
      }
      await runVmImport(ctx, definition.importDir, keepsFiles(payload, app) ? storage : undefined);
    }
    return { state: 'done' };
  },
};
