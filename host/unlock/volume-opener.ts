// Opening the volume once a key is in hand, then what Spectrum needs of it: `cryptsetup open`
// with the key on stdin, `mount-userdata /dev/mapper/<name>` (which prints /media/<uuid>), and
// each user VM registered from its per-boot definition under /run, as first boot did (ADR 070):
// `vm-import user /run/user-vms/<app> [<storage>]`, with the storage folder for an app VM that
// has one (it kept its files since first boot). In the sandbox, without device-mapper, a key
// "opens" when `cryptsetup open --test-passphrase` accepts it, and nothing is mounted or imported.
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../exec/executor';
import { CommandFailedError, tail } from '../luks/cryptsetup';
import { STORAGE_DIR, USER_VM_PREFIX, onHost } from '../spectrum/host-paths';
import { buildPerBootDefinition } from '../spectrum/per-boot-definition';
import { registration } from '../spectrum/vm-registry';

/** cryptsetup's exit code for "No key available with this passphrase". */
const WRONG_KEY_EXIT = 2;

export type KeyVerdict = 'opened' | 'wrong';

export interface VolumeOpener {
  /** The sandbox: keys are only tested, nothing is mapped, mounted or imported. */
  readonly testOnly: boolean;
  /** The mapping exists already (a second run of the unlock at the same boot). */
  isOpen(): Promise<boolean>;
  /** Opens (or, test-only, tests) with `key`, on `slot` when given. Throws on anything but a wrong key. */
  tryKey(key: Uint8Array, slot?: string): Promise<KeyVerdict>;
  /** Mounts user data and returns where (idempotent). */
  mount(): Promise<string>;
  /** Registers the user VMs; 'already' when this boot has done it. */
  importVms(mount: string): Promise<'imported' | 'already'>;
}

export interface OpenerOptions {
  readonly device: string;
  /** The device-mapper name (`userdata`). */
  readonly name: string;
  readonly testOnly: boolean;
  /** The host's file system root (`/`): where /run/vm, /run/user-vms and the mount are reached. */
  readonly root: string;
}

export class CryptsetupOpener implements VolumeOpener {
  constructor(
    private readonly exec: Executor,
    private readonly o: OpenerOptions,
  ) {}

  get testOnly(): boolean {
    return this.o.testOnly;
  }

  get mapped(): string {
    return `/dev/mapper/${this.o.name}`;
  }

  async isOpen(): Promise<boolean> {
    if (this.o.testOnly) return false;
    const r = await this.exec.run({ command: 'cryptsetup', args: ['status', this.o.name] });
    return r.exitCode === 0;
  }

  async tryKey(key: Uint8Array, slot?: string): Promise<KeyVerdict> {
    const slotArgs = slot === undefined ? [] : ['--key-slot', slot];
    const args = this.o.testOnly
      ? ['open', '--test-passphrase', '--batch-mode', '--type', 'luks2', '--key-file', '-', ...slotArgs, this.o.device]
      : ['open', '--type', 'luks2', '--key-file', '-', ...slotArgs, this.o.device, this.o.name];
    const r = await this.exec.run({ command: 'cryptsetup', args, stdin: key });
    if (r.exitCode === 0) return 'opened';
    if (r.exitCode === WRONG_KEY_EXIT) return 'wrong';
    throw new CommandFailedError('cryptsetup open', r.exitCode, tail(r.stderr));
  }

  async mount(): Promise<string> {
    const already = await mountedAt(this.mapped);
    if (already) return already;
    const r = await this.exec.run({ command: 'mount-userdata', args: [this.mapped] });
    if (r.exitCode !== 0) throw new CommandFailedError('mount-userdata', r.exitCode, tail(r.stderr));
    const printed = r.stdout.trim().split('\n').pop() ?? '';
    if (!path.isAbsolute(printed)) throw new CommandFailedError('mount-userdata', 0, 'it printed no mount path');
    return printed;
  }

  async importVms(mount: string): Promise<'imported' | 'already'> {
    const { root } = this.o;
    let imported = 0;
    for (const app of userVmFolders(onHost(root, path.posix.join(mount, 'vms')))) {
      const definition = buildPerBootDefinition(root, mount, app);
      const name = `${USER_VM_PREFIX}.${app}`;
      const registered = registration(root, name, definition.configDir);
      if (registered.kind === 'same') continue;
      if (registered.kind === 'other')
        throw new CommandFailedError(
          'vm-import',
          0,
          `a VM named ${name} is registered already, from ${registered.config ?? 'an unfinished import'}`,
        );
      const storage = onHost(root, path.posix.join(mount, STORAGE_DIR));
      const keeps = existsSync(path.join(storage, app));
      const r = await this.exec.run({ command: 'vm-import', args: [USER_VM_PREFIX, definition.importDir, ...(keeps ? [storage] : [])] });
      if (r.exitCode !== 0) throw new CommandFailedError('vm-import', r.exitCode, tail(r.stderr));
      imported++;
    }
    return imported > 0 ? 'imported' : 'already';
  }
}

/** The VM folders first boot wrote under `<mount>/vms` (folders only: a link there is not followed). */
function userVmFolders(vmsDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(vmsDir);
  } catch {
    return [];
  }
  return names.filter((n) => lstatSync(path.join(vmsDir, n)).isDirectory()).sort();
}

/** Where `source` is mounted already, from /proc/self/mounts. */
async function mountedAt(source: string): Promise<string | null> {
  const mounts = await readFile('/proc/self/mounts', 'utf8').catch(() => '');
  for (const line of mounts.split('\n')) {
    const [from, to] = line.split(' ');
    if (from === source && to) return to.replace(/\\040/g, ' ');
  }
  return null;
}
