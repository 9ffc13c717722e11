// The USB key file, through the real helper and the real unlock program: the helper lists the
// sandbox's sticks (image files) with label, size and vendor, writes a 64-byte key file into
// the chosen stick's existing file system without touching the person's files, enrolls it with
// the high-entropy KDF and records it in a spectrum-usb-key token; at boot the stick opens the
// volume without typing, and without the stick the prompt takes the recovery key.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import type { UsbDrive } from '../../shared/protocol/usb-messages';
import { HelperClient } from '../test-support/helper-client';
import { makePlan } from '../test-support/plan-maker';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';
import { PERSONAL_FILES, fileHash, makeStick, stickFileHashes, stickKeyFile } from '../test-support/sticks';
import { NO_WAIT, runUnlockCli } from '../test-support/unlock-cli';

const RECOVERY = formatRecoveryKey(randomBytes(32));
const OPENED = 'Unlocked (sandbox: without device-mapper, the key was checked with cryptsetup open --test-passphrase).';
const isRoot = process.getuid?.() === 0;
/** Mounting needs root and the kernel's driver (this machine's kernel has no exfat: that case then does not run). */
const canMount = (fs: string) =>
  isRoot &&
  readFileSync('/proc/filesystems', 'utf8')
    .split('\n')
    .some((l) => l.trim().split(/\s+/).pop() === fs);

interface Tokens {
  keyslots: Record<string, { kdf: Record<string, unknown> }>;
  tokens: Record<string, Record<string, unknown>>;
}
const header = (sb: TestSandbox): Tokens =>
  JSON.parse(spawnSync('cryptsetup', ['luksDump', '--dump-json-metadata', path.join(sb.dir, 'userdata.img')], { encoding: 'utf8' }).stdout);

async function drives(sb: TestSandbox): Promise<UsbDrive[]> {
  const { client } = await HelperClient.open(sb.helper.socketPath);
  client.send({ type: 'usb-drives' });
  const answer = await client.next();
  client.close();
  if (answer.type !== 'usb-drives') throw new Error(`expected usb-drives, got ${answer.type}`);
  return answer.drives;
}

async function provisionUsb(sb: TestSandbox, drive: UsbDrive): Promise<{ ok: boolean; frames: unknown[] }> {
  const { client, hello } = await HelperClient.open(sb.helper.socketPath);
  const plan = await makePlan({
    hello,
    signer: sb.signer,
    choices: {
      locale: 'en',
      encryption: {
        method: 'usb-key',
        recoveryKey: true,
        usbKey: { stick: drive.id, fsUuid: drive.fsUuid!, fsType: drive.fsType as 'vfat' },
      },
    },
    secrets: { recoveryKey: RECOVERY },
  });
  client.send(plan.frame);
  const frames = await client.untilEnd();
  client.close();
  const last = frames.at(-1);
  return { ok: last?.type === 'result' && last.ok, frames };
}

describe.each([
  ['vfat', 'KEYSTICK'],
  ...(canMount('ext4') ? [['ext4', 'keystick4'] as const] : []),
  ...(canMount('exfat') ? [['exfat', 'KEYX'] as const] : []),
] as const)('a USB key file on %s', (fsType, label) => {
  let sb: TestSandbox;
  let stick: string;
  let before: Record<string, string>;
  let drive: UsbDrive;

  beforeAll(async () => {
    sb = await startSandbox();
    stick = makeStick(sb.dir, 'kingston', fsType, label);
    makeStick(sb.dir, 'blank', 'none', '');
    before = stickFileHashes(stick, fsType);
    drive = (await drives(sb)).find((d) => d.id === 'usb/kingston.img')!;
    const done = await provisionUsb(sb, drive);
    expect(done.ok, JSON.stringify(done.frames.at(-1))).toBe(true);
  }, 120_000);
  afterAll(() => sb.dispose());

  it('is listed with its label, size and vendor, and can take a key; a blank stick cannot', async () => {
    expect(drive).toMatchObject({ label, sizeBytes: 40 * 1024 * 1024, vendor: 'Sandbox', model: 'kingston', fsType, problem: null });
    expect((await drives(sb)).find((d) => d.id === 'usb/blank.img')).toMatchObject({ fsType: null, problem: 'no-file-system' });
  });

  it("writes 64 random bytes, leaves the person's files as they were", () => {
    const path0 = Object.values(header(sb).tokens).find((t) => t.type === 'spectrum-usb-key')!.path as string;
    expect(stickKeyFile(stick, fsType, path0)).toHaveLength(64);
    expect(stickFileHashes(stick, fsType)).toEqual(before);
    expect(Object.keys(before).sort()).toEqual(Object.keys(PERSONAL_FILES).sort());
  });

  it('enrolls it in keyslot 0 with PBKDF2 ×1000 and records stick and path in a token', () => {
    const h = header(sb);
    const token = Object.values(h.tokens).find((t) => t.type === 'spectrum-usb-key');
    expect(token).toEqual({
      type: 'spectrum-usb-key',
      keyslots: ['0'],
      fsUuid: drive.fsUuid,
      fsType,
      path: expect.stringMatching(/^spectrum-unlock\/[0-9a-f]{32}\.key$/),
    });
    expect(h.keyslots['0']!.kdf).toMatchObject({ type: 'pbkdf2', hash: 'sha512', iterations: 1000 });
    expect(Object.values(h.tokens)).toContainEqual({ type: 'systemd-recovery', keyslots: ['1'] });
  });

  it('opens at boot with the stick plugged in, without typing anything', async () => {
    const r = await runUnlockCli(['--sandbox', sb.dir, ...NO_WAIT], null);
    expect(r.stdout).toContain(`Reading the key file on the USB stick ${label}…`);
    expect(r.stdout).toContain(OPENED);
    expect(r.stdout).not.toContain('Recovery key:');
    expect(r.code).toBe(0);
  });

  it('without the stick, the prompt takes the recovery key and refuses a wrong one', async () => {
    const away = path.join(sb.dir, 'drawer');
    mkdirSync(away, { recursive: true });
    renameSync(stick, path.join(away, 'kingston.img'));
    try {
      const wrong = await runUnlockCli(
        ['--sandbox', sb.dir, ...NO_WAIT, '--attempts', '2'],
        [formatRecoveryKey(randomBytes(32)), 'not it either'],
      );
      expect(wrong.stdout).toContain('The USB stick with the key is not plugged in.');
      expect(wrong.stdout).toContain('Recovery key:');
      expect(wrong.stdout).toContain('That did not unlock your data.');
      expect(wrong.code).toBe(1);
      const right = await runUnlockCli(['--sandbox', sb.dir, ...NO_WAIT], [RECOVERY.toUpperCase()]);
      expect(right.stdout).toContain(OPENED);
      expect(right.code).toBe(0);
    } finally {
      renameSync(path.join(away, 'kingston.img'), stick);
    }
  });
});

describe('a USB stick that cannot take a key', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.dispose());

  for (const [kind, fsType] of [
    ['no file system', 'none'],
    ['a file system that cannot hold a key file', 'swap'],
  ] as const) {
    it(`with ${kind}: the plan is refused with a clear message and nothing is written`, async () => {
      const image = makeStick(sb.dir, `odd-${fsType}`, fsType, 'ODD');
      const bytes = fileHash(image);
      const drive = (await drives(sb)).find((d) => d.id === `usb/odd-${fsType}.img`)!;
      expect(drive.problem).toBe(fsType === 'none' ? 'no-file-system' : 'unsupported-file-system');
      const { client, hello } = await HelperClient.open(sb.helper.socketPath);
      const plan = await makePlan({
        hello,
        signer: sb.signer,
        choices: {
          encryption: {
            method: 'usb-key',
            recoveryKey: true,
            usbKey: { stick: drive.id, fsUuid: drive.fsUuid ?? 'DEAD-BEEF', fsType: 'vfat' },
          },
        },
        secrets: { recoveryKey: RECOVERY },
      });
      client.send(plan.frame);
      const answer = await client.next();
      client.close();
      expect(answer).toMatchObject({ type: 'error', code: 'invalid-plan', details: [{ path: '/encryption/usbKey' }] });
      if (answer.type !== 'error') throw new Error('unreachable');
      expect(answer.details![0]!.problem).toMatch(
        fsType === 'none' ? /has no file system.*never formatted/ : /cannot hold a key file: use a stick with vfat, exfat or ext4/,
      );
      expect(fileHash(image)).toBe(bytes);
      expect(spawnSync('cryptsetup', ['isLuks', path.join(sb.dir, 'userdata.img')]).status).not.toBe(0);
    });
  }

  it('another stick in the place of the chosen one: the plan is refused, the volume not formatted', async () => {
    const image = makeStick(sb.dir, 'flaky', 'vfat', 'FLAKY');
    const drive = (await drives(sb)).find((d) => d.id === 'usb/flaky.img')!;
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({
      hello,
      signer: sb.signer,
      choices: { encryption: { method: 'usb-key', recoveryKey: true, usbKey: { stick: drive.id, fsUuid: drive.fsUuid!, fsType: 'vfat' } } },
      secrets: { recoveryKey: RECOVERY },
    });
    // Another file system with the same name in the same place: not the stick that was chosen.
    writeFileSync(image, '');
    makeStick(sb.dir, 'flaky', 'vfat', 'OTHER');
    client.send(plan.frame);
    const answer = await client.next();
    expect(answer).toMatchObject({
      type: 'error',
      code: 'invalid-plan',
      details: [{ path: '/encryption/usbKey', problem: expect.stringContaining('not the one chosen') }],
    });
    client.close();
    expect(spawnSync('cryptsetup', ['isLuks', path.join(sb.dir, 'userdata.img')]).status).not.toBe(0);
  });
});
