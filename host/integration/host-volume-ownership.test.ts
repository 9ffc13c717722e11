// On a Spectrum host the helper only works on what is provably its own: the `userdata` mapping
// must be backed by the target (cryptsetup status names the target's device, or for a loop
// device its file), a file system on the opened volume is kept only where this plan's journal
// says mkfs ran, and nothing under <mount>/vms that this installation did not write is deleted.
// device-mapper is missing here, so `cryptsetup status`/`open`, mkfs and mount-userdata are
// answered as those tools would answer; cryptsetup on the image and every file are real.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { ProcessExecutor, type CommandResult, type CommandSpec, type Executor } from '../exec/executor';
import type { RunningHelper } from '../helper';
import { HelperClient, type Received } from '../test-support/helper-client';
import { loadSigner, makePlan } from '../test-support/plan-maker';
import { makeTempDir } from '../test-support/sandbox-helper';
import { fido2PlanParts, softwareEnrollment } from '../test-support/software-fido2';
import { hostLayout, startHostHelper } from '../test-support/host-mode-helper';

// FIDO2: its keyslots use PBKDF2 ×1000, so a host-mode install (no --fast-kdf) is quick.
const ENROLLMENT = softwareEnrollment();
const RECOVERY_KEY = formatRecoveryKey(randomBytes(32));
const UUID = '0b5e1c2d-3f40-4a5b-8c6d-7e8f90a1b2c3';
/** Stands for the target's own path in a HostState. */
const TARGET = '<target>';

interface HostState {
  /** The file backing an active `userdata` mapping, or null when none is active. */
  mappedFile: string | null;
  /** What blkid finds on /dev/mapper/userdata. */
  fsType: string;
  /** mkfs.btrfs runs left that make the file system, then exit 1. */
  mkfsFailures: number;
  /** What mount-userdata finds on the volume besides what the helper writes. */
  onVolume?: (mount: string) => void;
}

/** Spectrum's host tools and device-mapper as they answer; everything else runs for real. */
class HostTools implements Executor {
  readonly calls: string[] = [];
  private readonly real = new ProcessExecutor();

  constructor(
    private readonly root: string,
    private readonly target: string,
    readonly state: HostState,
  ) {}

  async run(spec: CommandSpec): Promise<CommandResult> {
    const line = [spec.command, ...spec.args].join(' ');
    this.calls.push(line);
    const answer = (exitCode: number, stdout = ''): CommandResult => ({ exitCode, signal: null, stdout, stderr: '', durationMs: 1 });
    const s = this.state;
    if (spec.command === 'cryptsetup' && spec.args[0] === 'status') {
      if (!s.mappedFile) return answer(4, '/dev/mapper/userdata is inactive.\n');
      return answer(
        0,
        `/dev/mapper/userdata is active.\n  type:    LUKS2\n  cipher:  aes-xts-plain64\n  keysize: 512 bits\n  key location: keyring\n  device:  /dev/loop7\n  loop:    ${s.mappedFile}\n  sector size:  512\n  offset:  32768 sectors\n  size:    16744448 sectors\n  mode:    read/write\n`,
      );
    }
    if (spec.command === 'cryptsetup' && spec.args[0] === 'open' && !spec.args.includes('--test-passphrase')) {
      s.mappedFile = this.target;
      return answer(0);
    }
    if (spec.command === 'blkid' && spec.args.includes('/dev/mapper/userdata')) return s.fsType ? answer(0, `${s.fsType}\n`) : answer(2);
    if (spec.command === 'mkfs.btrfs' || (spec.command === 'unshare' && spec.args.includes('mkfs.btrfs'))) {
      s.fsType = 'btrfs';
      if (s.mkfsFailures > 0) {
        s.mkfsFailures--;
        return { ...answer(1), stderr: 'mkfs.btrfs: simulated failure after writing' };
      }
      return answer(0);
    }
    if (spec.command === 'mount-userdata') {
      const mount = path.join(this.root, 'media', UUID);
      mkdirSync(mount, { recursive: true });
      s.onVolume?.(mount);
      return answer(0, `/media/${UUID}\n`);
    }
    if (spec.command === 'vm-import') return answer(0);
    return this.real.run(spec);
  }
}

describe('on a Spectrum host, the helper works only on its own volume', () => {
  let dir = '';
  let helper: RunningHelper | null = null;
  afterEach(async () => {
    await helper?.close();
    helper = null;
    rmSync(dir, { recursive: true, force: true });
  });

  async function install(
    state: Partial<HostState>,
  ): Promise<{ tools: HostTools; frames: Received[]; client: HelperClient; planId: string; root: string }> {
    dir = makeTempDir();
    const layout = hostLayout(dir);
    const { root, target } = layout;
    const tools = new HostTools(root, target, { mappedFile: null, fsType: '', mkfsFailures: 0, ...state });
    if (tools.state.mappedFile === TARGET) tools.state.mappedFile = target;
    helper = await startHostHelper(layout, tools);
    const { client, hello } = await HelperClient.open(helper.socketPath);
    const plan = await makePlan({ hello, signer: loadSigner(helper.signingKeyPath), ...fido2PlanParts(ENROLLMENT, RECOVERY_KEY) });
    client.send(plan.frame);
    return { tools, frames: await client.untilEnd(), client, planId: plan.planId, root };
  }

  it('refuses a `userdata` mapping that another device backs, and opens nothing', async () => {
    const other = path.join(makeTempDir(), 'someone-else.img');
    writeFileSync(other, '');
    try {
      const { tools, frames, client } = await install({ mappedFile: other });
      client.close();
      expect(frames.at(-1)).toMatchObject({ type: 'result', ok: false, step: 'userdata-open', code: 'target-in-use' });
      expect(tools.calls.filter((c) => c.startsWith('cryptsetup open --type'))).toEqual([]);
      expect(tools.calls.some((c) => c.includes('mkfs.btrfs') || c.startsWith('mount-userdata'))).toBe(false);
    } finally {
      rmSync(path.dirname(other), { recursive: true, force: true });
    }
  });

  it('uses a `userdata` mapping that the target backs (a restart after open), without opening again', async () => {
    const { tools, frames, client } = await install({ mappedFile: TARGET });
    client.close();
    expect(frames.at(-1)).toMatchObject({ type: 'result', ok: true });
    expect(tools.calls.filter((c) => c.startsWith('cryptsetup open --type'))).toEqual([]);
  });

  it('refuses a file system it did not make on the opened volume', async () => {
    const { tools, frames, client } = await install({ fsType: 'btrfs' });
    client.close();
    expect(frames.at(-1)).toMatchObject({ type: 'result', ok: false, step: 'userdata-mkfs', code: 'target-in-use' });
    expect(tools.calls.some((c) => c.includes('mkfs.btrfs'))).toBe(false);
  });

  it('keeps the file system its own earlier mkfs made when the step runs again', async () => {
    const { tools, frames, client, planId } = await install({ mkfsFailures: 1 });
    expect(frames.at(-1)).toMatchObject({ type: 'result', ok: false, step: 'userdata-mkfs', code: 'command-failed', retryable: true });
    client.send({ type: 'retry', planId });
    expect((await client.untilEnd()).at(-1)).toMatchObject({ type: 'result', ok: true });
    client.close();
    expect(tools.calls.filter((c) => c.includes('mkfs.btrfs'))).toHaveLength(1);
  });

  it('deletes nothing under vms/ that this installation did not write', async () => {
    const { frames, client, root } = await install({
      onVolume: (mount) => {
        for (const name of ['someones-vm', 'browser']) {
          mkdirSync(path.join(mount, 'vms', name), { recursive: true });
          writeFileSync(path.join(mount, 'vms', name, 'notes'), `${name}'s data`);
        }
      },
    });
    client.close();
    expect(frames.at(-1)).toMatchObject({ type: 'result', ok: false, step: 'vm-definitions', code: 'target-in-use' });
    for (const name of ['someones-vm', 'browser']) {
      expect(readFileSync(path.join(root, 'media', UUID, 'vms', name, 'notes'), 'utf8')).toBe(`${name}'s data`);
    }
    expect(existsSync(path.join(root, 'media', UUID, 'vms', 'editor'))).toBe(false);
  });
});
