// On a Spectrum host the steps the sandbox skips run as real commands, through the one Executor.
// Here the executor records every command; the ones that need device-mapper or Spectrum's tools
// are answered as those tools would answer, everything else (cryptsetup on the image) runs.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { ProcessExecutor, type CommandResult, type CommandSpec, type Executor } from '../exec/executor';
import type { RunningHelper } from '../helper';
import { FAST_ARGON2ID_KDF } from '../luks/cryptsetup';
import { HelperClient, type Received } from '../test-support/helper-client';
import { loadSigner, makePlan } from '../test-support/plan-maker';
import { makeTempDir, removeTempDir } from '../test-support/sandbox-helper';
import { hostLayout, startHostHelper } from '../test-support/host-mode-helper';

const PASSPHRASE = 'host passphrase 12345';
const RECOVERY = formatRecoveryKey(randomBytes(32));
const UUID = '0b5e1c2d-3f40-4a5b-8c6d-7e8f90a1b2c3';

class HostToolsExecutor implements Executor {
  readonly calls: { line: string; stdin: string }[] = [];
  private mapped = false;
  private readonly real = new ProcessExecutor();

  constructor(
    private readonly root: string,
    private readonly target: string,
  ) {}

  async run(spec: CommandSpec): Promise<CommandResult> {
    const line = [spec.command, ...spec.args].join(' ');
    this.calls.push({ line, stdin: spec.stdin ? Buffer.from(spec.stdin).toString('utf8') : '' });
    const answer = (exitCode: number, stdout = ''): CommandResult => ({ exitCode, signal: null, stdout, stderr: '', durationMs: 1 });
    if (spec.command === 'cryptsetup' && spec.args[0] === 'status') {
      // As cryptsetup prints an open mapping on a loop device backed by the image.
      return this.mapped
        ? answer(
            0,
            `/dev/mapper/userdata is active.\n  type:    LUKS2\n  device:  /dev/loop0\n  loop:    ${this.target}\n  mode:    read/write\n`,
          )
        : answer(4);
    }
    if (spec.command === 'cryptsetup' && spec.args[0] === 'open' && !spec.args.includes('--test-passphrase')) {
      this.mapped = true;
      return answer(0);
    }
    if (spec.command === 'blkid' && spec.args.includes('/dev/mapper/userdata')) return answer(2);
    if (spec.command === 'unshare' && spec.args.includes('mkfs.btrfs')) return answer(0);
    if (spec.command === 'mount-userdata') {
      mkdirSync(path.join(this.root, 'media', UUID), { recursive: true });
      return answer(0, `/media/${UUID}\n`);
    }
    if (spec.command === 'vm-import') return answer(0);
    // The keyslot's cost is not what this test is about: argon2id as cheap as the sandbox's
    // --fast-kdf, so the test takes the same time on a loaded machine as on an idle one
    // (cryptsetup otherwise calibrates each derivation to take 2 s, several times over).
    const kdf = spec.args.indexOf('argon2id');
    if (spec.command === 'cryptsetup' && kdf > 0 && spec.args[kdf - 1] === '--pbkdf' && !spec.args.includes('--pbkdf-force-iterations')) {
      const rest = spec.args.slice(kdf + 1);
      const iterTime = rest.indexOf('--iter-time'); // calibration, which forced iterations replace
      if (iterTime >= 0) rest.splice(iterTime, 2);
      return this.real.run({ ...spec, args: [...spec.args.slice(0, kdf - 1), ...FAST_ARGON2ID_KDF, ...rest] });
    }
    return this.real.run(spec);
  }
}

describe('the steps on a Spectrum host', () => {
  const dir = makeTempDir();
  const layout = hostLayout(dir);
  const { root, target } = layout;
  const exec = new HostToolsExecutor(root, target);
  let helper: RunningHelper;
  let frames: Received[];

  beforeAll(async () => {
    helper = await startHostHelper(layout, exec);
    const { client, hello } = await HelperClient.open(helper.socketPath);
    client.send(
      (await makePlan({ hello, signer: loadSigner(helper.signingKeyPath), secrets: { passphrase: PASSPHRASE, recoveryKey: RECOVERY } }))
        .frame,
    );
    frames = await client.untilEnd();
    client.close();
  }, 120_000);
  afterAll(async () => {
    await helper.close();
    removeTempDir(dir);
  });

  it('runs every step, skipping none', () => {
    expect(frames.at(-1)).toMatchObject({ type: 'result', ok: true });
    const result = frames.at(-1)!;
    if (result.type !== 'result' || !result.ok) throw new Error('unreachable');
    expect(result.receipt.steps.map((s) => s.state)).toEqual(Array(9).fill('done'));
    expect(result.receipt.mount).toBe(`/media/${UUID}`);
  });

  it("opens, makes btrfs, mounts and imports with Spectrum's tools, in order", () => {
    const lines = exec.calls.map((c) => c.line.replace(/--rootdir \S+/, '--rootdir EMPTY'));
    const storage = path.join(root, 'media', UUID, 'Spectrum', 'data', 'spectrum', 'storage');
    const order = [
      `cryptsetup open --type luks2 --key-file - ${target} userdata`,
      // btrfs made as uid 1000 (`fs`), as Spectrum's live image makes user data
      'unshare --map-user=1000 --map-group=1000 mkfs.btrfs --label userdata --rootdir EMPTY /dev/mapper/userdata',
      'mount-userdata /dev/mapper/userdata',
      // each user VM from its per-boot definition under /run, with its storage (ADR 070)
      `vm-import user ${path.join(root, 'run', 'user-vms', 'files')} ${storage}`,
      `vm-import user ${path.join(root, 'run', 'user-vms', 'mail')} ${storage}`,
    ];
    const at = order.map((l) => lines.indexOf(l));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(existsSync(path.join(root, 'media', UUID, 'Spectrum', 'firstboot', 'receipt.json'))).toBe(true);
  });

  it('hands keys to cryptsetup on stdin only, never in arguments', () => {
    for (const c of exec.calls) {
      expect(c.line).not.toContain(PASSPHRASE);
      expect(c.line).not.toContain(RECOVERY);
    }
    const open = exec.calls.find((c) => c.line.startsWith('cryptsetup open --type luks2'))!;
    expect(open.stdin).toBe(PASSPHRASE);
    const addKey = exec.calls.find((c) => c.line.startsWith('cryptsetup luksAddKey'))!;
    expect(addKey.stdin).toBe(PASSPHRASE + RECOVERY);
    expect(addKey.line).toContain(`--keyfile-size ${Buffer.byteLength(PASSPHRASE)}`);
  });

  it('writes the per-boot signing key where the first-boot VM reads it', () => {
    expect(readFileSync(helper.signingKeyPath, 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
  });
});
