// A passphrase plan end to end over the real socket, with real cryptsetup on the sandbox image.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceiptSchema } from '../../shared/protocol/messages';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { STEP_IDS } from '../../shared/plan/steps';
import { HelperClient, type Received } from '../test-support/helper-client';
import { makePlan } from '../test-support/plan-maker';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';
import { userDataMount } from '../test-support/user-data-mount';
import { randomBytes } from 'node:crypto';

const PASSPHRASE = 'correct horse battery staple ✓';
const RECOVERY = formatRecoveryKey(randomBytes(32));

function cryptsetup(args: string[], input?: string) {
  return spawnSync('cryptsetup', args, { input, encoding: 'utf8' });
}

describe('a passphrase plan', () => {
  let sb: TestSandbox;
  let frames: Received[];
  let planId: string;
  const image = () => path.join(sb.dir, 'userdata.img');

  beforeAll(async () => {
    sb = await startSandbox();
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    expect(hello.state).toEqual({ phase: 'fresh' });
    expect(hello.machine).toMatchObject({
      iommu: 'present',
      disk: { name: 'userdata.img', wholeDisk: false, found: [], after: [{ role: 'user-data', isNew: true }] },
    });
    const plan = await makePlan({ hello, signer: sb.signer, secrets: { passphrase: PASSPHRASE, recoveryKey: RECOVERY } });
    planId = plan.planId;
    client.send(plan.frame);
    frames = await client.untilEnd();
    client.close();
  });
  afterAll(() => sb.dispose());

  it('is accepted, reports every step, and ends with an ok result', () => {
    const accepted = frames[0]!;
    expect(accepted).toMatchObject({ type: 'accepted', planId });
    if (accepted.type !== 'accepted') throw new Error('unreachable');
    expect(accepted.steps.map((s) => s.id)).toEqual([...STEP_IDS]);
    expect(accepted.steps.every((s) => s.state === 'pending')).toBe(true);
    const last = frames.at(-1)!;
    expect(last).toMatchObject({ type: 'result', ok: true, planId });
    // Every step comes with the helper's estimate; running frames repeat it (Step estimates).
    expect(accepted.steps.every((s) => typeof s.expectedMs === 'number' && s.expectedMs > 0)).toBe(true);
    const runningFrames = frames.filter((f) => f.type === 'progress' && f.state === 'running');
    expect(runningFrames.every((f) => f.type === 'progress' && typeof f.expectedMs === 'number')).toBe(true);
    const ends = frames.filter((f) => f.type === 'progress' && f.state !== 'running');
    expect(ends.map((f) => f.type === 'progress' && [f.step, f.state, f.reason ?? ''])).toEqual([
      ['userdata-format', 'done', ''],
      ['userdata-enroll', 'done', ''],
      ['userdata-open', 'done', ''],
      ['userdata-mkfs', 'done', ''],
      ['userdata-mount', 'done', ''],
      ['vm-definitions', 'done', ''],
      ['system-config', 'done', ''],
      ['vm-import', 'done', ''],
      ['receipt', 'done', ''],
    ]);
  });

  it('leaves a LUKS2 header with the keyslots and tokens systemd expects', () => {
    const dump = cryptsetup(['luksDump', '--dump-json-metadata', image()]);
    expect(dump.status).toBe(0);
    const meta = JSON.parse(dump.stdout) as {
      keyslots: Record<string, { kdf: { type: string; iterations?: number } }>;
      tokens: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(meta.keyslots).sort()).toEqual(['0', '1']);
    expect(meta.keyslots['0']!.kdf.type).toBe('argon2id');
    expect(meta.keyslots['1']!.kdf).toMatchObject({ type: 'pbkdf2', iterations: 1000 });
    const tokens = Object.values(meta.tokens);
    expect(tokens).toContainEqual({ type: 'systemd-recovery', keyslots: ['1'] });
    const firstboot = tokens.find((t) => t.type === 'spectrum-firstboot')!;
    expect(firstboot).toMatchObject({ keyslots: [], planId });
    expect(typeof firstboot.completedAt).toBe('string');
    expect(tokens.find((t) => t.type === 'spectrum-keyboard')).toMatchObject({ xkbLayout: 'fi', xkbVariant: '', keymap: 'fi' });
    expect(cryptsetup(['luksDump', image()]).stdout).toMatch(/systemd-recovery/);
  });

  it('opens with the passphrase and with the recovery key, not with a wrong one', () => {
    expect(cryptsetup(['open', '--test-passphrase', '--key-file', '-', image()], PASSPHRASE).status).toBe(0);
    expect(cryptsetup(['open', '--test-passphrase', '--key-file', '-', '--key-slot', '1', image()], RECOVERY).status).toBe(0);
    expect(cryptsetup(['open', '--test-passphrase', '--key-file', '-', image()], PASSPHRASE + 'x').status).not.toBe(0);
  });

  it('writes VM definitions, system configuration and the receipt under the mount', () => {
    const mount = userDataMount(sb.dir);
    const uuid = path.basename(mount);
    const vms = path.join(mount, 'vms');
    for (const app of ['files', 'mail']) {
      // Kernel and disks come from the per-boot definition under /run (ADR 070), never a link here.
      expect(existsSync(path.join(vms, app, 'vmlinux'))).toBe(false);
      expect(existsSync(path.join(vms, app, 'blk'))).toBe(false);
      expect(readFileSync(path.join(vms, app, 'fs', 'type'), 'utf8')).toMatch(/^(nix|appimage|flatpak)\n$/);
      expect(lstatSync(path.join(vms, app, 'fs', 'run')).mode & 0o111).not.toBe(0);
    }
    expect(existsSync(path.join(vms, 'mail', 'providers', 'net', 'sys.netvm'))).toBe(true);
    expect(existsSync(path.join(vms, 'files', 'providers'))).toBe(false);
    expect(existsSync(path.join(vms, 'browser'))).toBe(false); // built in: Spectrum imports it at every boot
    expect(existsSync(path.join(vms, 'netvm'))).toBe(false); // built-in, never copied
    const config = path.join(mount, 'Spectrum', 'config');
    expect(readFileSync(path.join(config, 'locale.conf'), 'utf8')).toContain('LANG=fi_FI.UTF-8');
    expect(readFileSync(path.join(config, 'vconsole.conf'), 'utf8')).toBe('KEYMAP=fi\nXKBLAYOUT=fi\nXKBVARIANT=\n');
    expect(readFileSync(path.join(config, 'xkb.conf'), 'utf8')).toContain('XKB_DEFAULT_LAYOUT=fi');
    expect(JSON.parse(readFileSync(path.join(config, 'accessibility.json'), 'utf8'))).toMatchObject({ largeText: true });

    const receipt = ReceiptSchema.parse(JSON.parse(readFileSync(path.join(mount, 'Spectrum', 'firstboot', 'receipt.json'), 'utf8')));
    expect(receipt).toMatchObject({ planId, keyId: sb.helper.keyId, mount: `/media/${uuid}` });
    expect(receipt.steps.map((s) => s.state)).toEqual(Array(STEP_IDS.length).fill('done'));
    const result = frames.at(-1)!;
    expect(result.type === 'result' && result.ok && result.receipt).toEqual(receipt);
  });

  it('says provisioned afterwards, and refuses a second plan', async () => {
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    expect(hello.state).toMatchObject({ phase: 'provisioned', planId });
    const again = await makePlan({ hello, signer: sb.signer, secrets: { passphrase: PASSPHRASE, recoveryKey: RECOVERY } });
    client.send(again.frame);
    expect(await client.next()).toMatchObject({ type: 'error', code: 'already-provisioned' });
    client.send({ type: 'attach', planId });
    expect(await client.next()).toMatchObject({ type: 'accepted', planId });
    expect(await client.next()).toMatchObject({ type: 'result', ok: true, planId });
    client.close();
  });
});

describe('the disk facts of hello', () => {
  it('follow the target: a file system made on it since the last hello is reported as data found', async () => {
    const sb = await startSandbox();
    try {
      const before = await HelperClient.open(sb.helper.socketPath);
      before.client.close();
      expect(before.hello.machine.disk).toMatchObject({ found: [], before: [{ role: 'free' }] });
      expect(spawnSync('mkfs.ext4', ['-q', '-F', path.join(sb.dir, 'userdata.img')]).status).toBe(0);
      const after = await HelperClient.open(sb.helper.socketPath);
      after.client.close();
      expect(after.hello.state).toMatchObject({ phase: 'fresh' });
      expect(after.hello.machine.disk).toMatchObject({ found: ['ext4'], before: [{ role: 'other' }] });
    } finally {
      await sb.dispose();
    }
  });
});
