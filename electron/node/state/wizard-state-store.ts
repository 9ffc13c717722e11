// The wizard's resumable state: one JSON file in the state folder, written atomically (a
// temporary file, fsync, rename, fsync of the folder) so a power cut leaves the old or the new
// state, never half.
// A file that does not parse or validate loads as null: the wizard starts over, it never crashes.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PersistedWizardStateSchema, type PersistedWizardState } from '../../../shared/ipc/contract';
import { writeFileAtomic } from '../../../shared-node/fs/atomic-write';
import { IpcFailure } from '../ipc-error';
import { findSecret } from './secret-keys';

export const STATE_FILE_NAME = 'wizard-state.json';
const MAX_STATE_BYTES = 1024 * 1024;

export class WizardStateStore {
  readonly file: string;

  constructor(private readonly dir: string) {
    this.file = path.join(dir, STATE_FILE_NAME);
  }

  async load(): Promise<PersistedWizardState | null> {
    let text: string;
    try {
      const stat = await fs.stat(this.file);
      if (!stat.isFile() || stat.size > MAX_STATE_BYTES) return null;
      text = await fs.readFile(this.file, 'utf8');
    } catch {
      return null;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
    const parsed = PersistedWizardStateSchema.safeParse(value);
    if (!parsed.success || findSecret(parsed.data) !== null) return null;
    return parsed.data;
  }

  async save(state: PersistedWizardState): Promise<void> {
    const found = findSecret(state);
    if (found) throw new IpcFailure('ipc-bad-request', 'refusing to persist something that looks like a secret', [found]);
    const text = JSON.stringify(state);
    if (Buffer.byteLength(text) > MAX_STATE_BYTES) {
      throw new IpcFailure('ipc-bad-request', 'the wizard state is too large to persist', [{ path: '/data', problem: 'too large' }]);
    }
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(this.file, text, 0o600);
  }

  async clear(): Promise<boolean> {
    try {
      await fs.unlink(this.file);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  }
}
