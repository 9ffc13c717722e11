// vm-import: `vm-import user <mount>/vms <storage>` registers the user VMs with the host
// (a Spectrum host tool: skipped in the sandbox).
import path from 'node:path';
import { MODES, makeDirs } from '../../fs/safe-fs';
import { CommandFailedError, tail } from '../../luks/cryptsetup';
import { SKIPPED_IN_SANDBOX, type StepDefinition } from '../step-types';
import { mountDir, noLinks } from './userdata-mount';

export const STORAGE_DIR = path.join('Spectrum', 'data', 'spectrum', 'storage');

export const vmImport: StepDefinition = {
  id: 'vm-import',
  async run(ctx) {
    if (ctx.env.kind === 'sandbox') return SKIPPED_IN_SANDBOX;
    const mount = mountDir(ctx);
    const storage = noLinks(() => makeDirs(mount, STORAGE_DIR, MODES.sharedDir));
    const r = await ctx.exec.run({ command: 'vm-import', args: ['user', path.join(mount, 'vms'), storage] });
    if (r.exitCode !== 0) throw new CommandFailedError('vm-import', r.exitCode, tail(r.stderr));
    return { state: 'done' };
  },
};
