// Seed ADR 003 on a disk image: given the machine's whole disk (DIR/disk.img: ESP, slot A, an
// `_empty` slot B), the helper adds exactly one user-data partition in the free space at its end
// and provisions it; every other partition keeps its table entry and its bytes. A disk without
// room gets `insufficient-space` and is not changed at all. Needs root and loop devices.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { USERDATA_PARTITION_LABEL, USERDATA_PARTITION_TYPE } from '../disk/gpt-layout';
import { sandboxPrivileged } from '../sandbox/privileges';
import { HelperClient } from '../test-support/helper-client';
import { makePlan } from '../test-support/plan-maker';
import { makeTempDir, startSandbox, type TestSandbox } from '../test-support/sandbox-helper';
import { hashRange, partitionsOf, writeSpectrumDisk } from '../test-support/spectrum-disk-image';

const privileged = sandboxPrivileged();
if (!privileged) console.warn('whole-disk: skipped, it needs root and loop devices (/dev/loop-control)');

const GiB = 1024 ** 3;
const SECRETS = { passphrase: 'whole disk passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };

function snapshot(disk: string) {
  return partitionsOf(disk).map((p) => ({ ...p, bytes: hashRange(disk, p.start * 512, p.size * 512) }));
}

describe.skipIf(!privileged)("the machine's whole disk", () => {
  let sb: TestSandbox | undefined;
  afterEach(async () => {
    await sb?.dispose();
    sb = undefined;
  });

  it('gains exactly one user-data partition at its end; the others keep their entries and bytes', async () => {
    const dir = makeTempDir();
    const disk = path.join(dir, 'disk.img');
    writeSpectrumDisk(disk, { totalBytes: 8 * GiB });
    const before = snapshot(disk);
    sb = await startSandbox({}, dir);
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    // 8 GiB less the 137 MiB system area and GPT, 1 MiB aligned at both ends.
    expect(hello.machine.userDataBytes).toBe(8 * GiB - 138 * 1024 * 1024);
    // hello names the disk and shows its layout before and after, the new area last.
    const facts = hello.machine.disk!;
    expect(facts).toMatchObject({ name: 'disk.img', wholeDisk: true, sizeBytes: 8 * GiB, found: [] });
    expect(facts.before.map((a) => [a.role, a.label])).toEqual([
      ['esp', 'ESP'],
      ['system', 'Spectrum_0.1.verity'],
      ['system', 'Spectrum_0.1'],
      ['system-empty', '_empty'],
      ['system-empty', '_empty'],
      ['free', ''],
    ]);
    expect(facts.after.at(-1)).toMatchObject({ role: 'user-data', isNew: true, sizeBytes: hello.machine.userDataBytes });
    expect(facts.after.slice(0, -1)).toEqual(facts.before.slice(0, -1));
    const plan = await makePlan({ hello, signer: sb.signer, secrets: SECRETS });
    client.send(plan.frame);
    expect((await client.untilEnd()).at(-1)).toMatchObject({ type: 'result', ok: true });
    client.close();

    const after = partitionsOf(disk);
    expect(after).toHaveLength(before.length + 1);
    for (const [i, p] of before.entries()) {
      const { bytes, ...entry } = p;
      expect(after[i], `entry of partition ${i + 1}`).toEqual(entry);
      expect(hashRange(disk, p.start * 512, p.size * 512), `bytes of partition ${i + 1} (${p.name})`).toBe(bytes);
    }
    const added = after.at(-1)!;
    expect(added).toMatchObject({ type: USERDATA_PARTITION_TYPE, name: USERDATA_PARTITION_LABEL });
    const lastBefore = before.at(-1)!;
    expect(added.start).toBe(Math.ceil((lastBefore.start + lastBefore.size) / 2048) * 2048);
    expect(added.start + added.size).toBeLessThanOrEqual(statSync(disk).size / 512 - 33); // the backup GPT stays
    // The new partition holds this installation's LUKS2 header.
    const magic = Buffer.alloc(6);
    const fd = openSync(disk, 'r');
    readSync(fd, magic, 0, 6, added.start * 512);
    closeSync(fd);
    expect(magic).toEqual(Buffer.from([0x4c, 0x55, 0x4b, 0x53, 0xba, 0xbe])); // "LUKS\xba\xbe"

    // A restart finds its partition and knows the machine is provisioned.
    sb = await sb.restart();
    const again = await HelperClient.open(sb.helper.socketPath);
    expect(again.hello.state).toMatchObject({ phase: 'provisioned' });
    expect(again.hello.machine.userDataBytes).toBe(added.size * 512);
    again.client.close();
  });

  it('without room for user data answers insufficient-space and changes nothing', async () => {
    const dir = makeTempDir();
    const disk = path.join(dir, 'disk.img');
    writeSpectrumDisk(disk, { totalBytes: 512 * 1024 * 1024 }); // about 370 MiB free: less than user data needs
    const whole = hashRange(disk, 0, statSync(disk).size);
    sb = await startSandbox({}, dir);
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    expect(hello.machine.userDataBytes).toBe(0);
    expect(hello.machine.disk!.after).toEqual(hello.machine.disk!.before); // nothing would change
    client.send((await makePlan({ hello, signer: sb.signer, secrets: SECRETS })).frame);
    expect(await client.next()).toMatchObject({ type: 'error', code: 'insufficient-space' });
    client.close();
    await sb.helper.close();
    expect(hashRange(disk, 0, statSync(disk).size)).toBe(whole);
  });
});
