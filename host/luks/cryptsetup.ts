// cryptsetup, as the steps use it. Every key reaches cryptsetup on stdin (`--key-file -`); for
// luksAddKey both keys do: the existing one first, cut off by --keyfile-size, then the new one.
import type { CommandResult, CommandSpec, Executor } from '../exec/executor';
import { Luks2MetadataSchema, type Luks2Metadata } from './luks-tokens';
import { parseStatus, type MappingStatus } from './mapping';

/** A cryptsetup (or other tool) run that did not succeed. `detail` is its stderr, shortened. */
export class CommandFailedError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly detail: string,
  ) {
    super(`${command} failed (exit ${exitCode ?? 'signal'}): ${detail}`);
  }
}

export function tail(text: string, max = 400): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > max ? '…' + t.slice(-max) : t;
}

/** Key derivation settings for a keyslot. */
export type KdfArgs = readonly string[];

/** The time one argon2id derivation is benchmarked to take: cryptsetup's own LUKS2 default, stated so the helper knows it. */
export const ARGON2ID_ITER_TIME_MS = 2000;
/** argon2id at cryptsetup's benchmarked cost: for keyslots opened by something a person types. */
export const ARGON2ID_KDF: KdfArgs = ['--pbkdf', 'argon2id', '--iter-time', String(ARGON2ID_ITER_TIME_MS)];
/** Sandbox-only: the cheapest argon2id cryptsetup accepts, so tests stay fast. */
export const FAST_ARGON2ID_KDF: KdfArgs = [
  '--pbkdf',
  'argon2id',
  '--pbkdf-memory',
  '32',
  '--pbkdf-force-iterations',
  '4',
  '--pbkdf-parallel',
  '1',
];
/** systemd's "minimal PBKDF" for keys that are already high-entropy (FIDO2 secret, recovery key). */
export const HIGH_ENTROPY_KDF: KdfArgs = ['--pbkdf', 'pbkdf2', '--hash', 'sha512', '--pbkdf-force-iterations', '1000'];

export class Cryptsetup {
  constructor(
    private readonly exec: Executor,
    readonly device: string,
  ) {}

  private async run(args: readonly string[], extra: Partial<CommandSpec> = {}): Promise<CommandResult> {
    const result = await this.exec.run({ command: 'cryptsetup', args, ...extra });
    if (result.exitCode !== 0) throw new CommandFailedError(`cryptsetup ${args[0]}`, result.exitCode, tail(result.stderr));
    return result;
  }

  /** luksFormat: LUKS2, keyslot 0 = `key`. Label and subsystem mark the header as this installation's. */
  async format(key: Uint8Array, kdf: KdfArgs, label: string, subsystem: string): Promise<void> {
    await this.run(
      [
        'luksFormat',
        '--type',
        'luks2',
        '--batch-mode',
        ...kdf,
        '--key-slot',
        '0',
        '--label',
        label,
        '--subsystem',
        subsystem,
        '--key-file',
        '-',
        this.device,
      ],
      { stdin: key },
    );
  }

  /** luksAddKey: unlocks with `existing` and adds `newKey` at `slot`, both read from stdin. */
  async addKey(existing: Uint8Array, newKey: Uint8Array, slot: number, kdf: KdfArgs): Promise<void> {
    const stdin = Buffer.concat([existing, newKey]);
    try {
      await this.run(
        [
          'luksAddKey',
          '--batch-mode',
          '--key-file',
          '-',
          '--keyfile-size',
          String(existing.length),
          '--new-key-slot',
          String(slot),
          ...kdf,
          this.device,
          '-',
        ],
        { stdin },
      );
    } finally {
      stdin.fill(0);
    }
  }

  async killSlot(slot: number): Promise<void> {
    await this.run(['luksKillSlot', '--batch-mode', this.device, String(slot)]);
  }

  /** Whether `key` opens `slot` (no device-mapper needed). */
  async testKey(key: Uint8Array, slot?: number): Promise<boolean> {
    const args = [
      'open',
      '--test-passphrase',
      '--batch-mode',
      '--key-file',
      '-',
      ...(slot === undefined ? [] : ['--key-slot', String(slot)]),
      this.device,
    ];
    const result = await this.exec.run({ command: 'cryptsetup', args, stdin: key });
    return result.exitCode === 0;
  }

  async importToken(id: number, token: unknown): Promise<void> {
    await this.run(['token', 'import', '--json-file', '-', '--token-id', String(id), '--token-replace', this.device], {
      stdin: Buffer.from(JSON.stringify(token), 'utf8'),
    });
  }

  async removeToken(id: number): Promise<void> {
    await this.run(['token', 'remove', '--token-id', String(id), this.device]);
  }

  async metadata(): Promise<Luks2Metadata> {
    const result = await this.run(['luksDump', '--dump-json-metadata', this.device]);
    let json: unknown;
    try {
      json = JSON.parse(result.stdout);
    } catch {
      throw new CommandFailedError('cryptsetup luksDump', 0, 'header metadata is not JSON');
    }
    const parsed = Luks2MetadataSchema.safeParse(json);
    if (!parsed.success) throw new CommandFailedError('cryptsetup luksDump', 0, 'header metadata has an unexpected shape');
    return parsed.data;
  }

  async uuid(): Promise<string> {
    const result = await this.run(['luksUUID', this.device]);
    const uuid = result.stdout.trim();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(uuid)) {
      throw new CommandFailedError('cryptsetup luksUUID', 0, 'not a UUID');
    }
    return uuid;
  }

  async open(key: Uint8Array, name: string): Promise<void> {
    await this.run(['open', '--type', 'luks2', '--key-file', '-', this.device, name], { stdin: key });
  }

  /**
   * The mapping of this name: null when it is not active (`cryptsetup status` exits non-zero);
   * 'unknown' when it is active but its output names no backing device.
   */
  async status(name: string): Promise<MappingStatus | 'unknown' | null> {
    const r = await this.exec.run({ command: 'cryptsetup', args: ['status', name] });
    if (r.exitCode !== 0) return null;
    return parseStatus(r.stdout) ?? 'unknown';
  }
}
