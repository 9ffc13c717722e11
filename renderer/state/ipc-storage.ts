// Where zustand's `persist` keeps the saved state: main's wizardState.load / wizardState.save
// (one file in the state folder, written atomically). persist hands over the saved part after
// every change; this writes it once `delayMs` passed without another change, and only when it
// differs from what is on disk, so typing a passphrase (which changes no saved byte) writes nothing.
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import type { WizardApi } from '../../shared/ipc/api';
import type { PersistedWizardState } from '../../shared/ipc/contract';
import type { Timers } from './deps';

export interface IpcStorage<S> extends PersistStorage<S> {
  /**
   * From now on changes are written; `onDisk` is what the disk holds as far as the store knows.
   * Until then nothing is: a write before the saved state is read back would overwrite it.
   */
  open(onDisk: StorageValue<S>): void;
  /** Writes a change that is still waiting for its quiet moment now (before Install, on leaving). */
  flush(): void;
}

/** Reads a file as loaded into what persist may take: checked, in the current version, or nothing. */
export type ReadFile<S> = (file: PersistedWizardState) => Promise<StorageValue<S> | null>;

export function ipcStorage<S extends object>(api: WizardApi, timers: Timers, delayMs: number, read: ReadFile<S>): IpcStorage<S> {
  // The I/O's own bookkeeping, not wizard state: it lives here rather than in the store.
  let open = false;
  let savedJson: string | null = null;
  let waiting: { json: string; value: StorageValue<S> } | null = null;
  let handle: unknown = null;

  const toFile = (value: StorageValue<S>) => ({ version: value.version ?? 0, data: value.state as Record<string, unknown> });

  const flush = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    if (!waiting) return;
    const { json, value } = waiting;
    waiting = null;
    if (json === savedJson) return;
    savedJson = json;
    void api['wizardState.save'](toFile(value));
  };

  return {
    async getItem() {
      const r = await api['wizardState.load']({});
      // Checked before persist sees it: `merge` is synchronous, the check is loaded on demand.
      return r.ok && r.value ? read(r.value) : null;
    },

    setItem(_name, value) {
      if (!open) return;
      const json = JSON.stringify(toFile(value));
      if (json === (waiting?.json ?? savedJson)) return;
      waiting = { json, value };
      if (handle !== null) timers.clearTimeout(handle);
      handle = timers.setTimeout(flush, delayMs);
    },

    async removeItem() {
      await api['wizardState.clear']({});
    },

    open(onDisk) {
      open = true;
      savedJson = JSON.stringify(toFile(onDisk));
    },

    flush,
  };
}
