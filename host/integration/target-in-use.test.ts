// "Nothing is lost" (docs/protocol.md §7): a target that holds a file system or someone else's LUKS
// volume is refused with target-in-use before anything is written; its bytes stay the same.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { HelperClient } from '../test-support/helper-client';
import { imageFingerprint } from '../test-support/image-fingerprint';
import { makePlan, newInstallId } from '../test-support/plan-maker';
import { makeTempDir, startSandbox, type TestSandbox } from '../test-support/sandbox-helper';

const SECRETS = { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };
const IMAGE_BYTES = 3 * 1024 ** 3; // sparse; room for the minimal profile

function blankImage(dir: string): string {
  const image = path.join(dir, 'userdata.img');
  const fd = openSync(image, 'w');
  ftruncateSync(fd, IMAGE_BYTES);
  closeSync(fd);
  return image;
}

function run(cmd: string, args: string[], input?: string): void {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

const FAST = ['--pbkdf', 'argon2id', '--pbkdf-memory', '32', '--pbkdf-force-iterations', '4', '--pbkdf-parallel', '1'];

describe('a target that is in use', () => {
  let sb: TestSandbox | null = null;
  afterEach(async () => {
    await sb?.dispose();
    sb = null;
  });

  async function planAgainst(prepare: (image: string) => void, installId = newInstallId()) {
    const dir = makeTempDir();
    const image = blankImage(dir);
    prepare(image);
    const before = imageFingerprint(image);
    sb = await startSandbox({}, dir);
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    client.send(
      (await makePlan({ hello, signer: sb.signer, secrets: SECRETS, installId, choices: { profile: 'minimal', apps: [] } })).frame,
    );
    const answer = await client.next();
    client.close();
    return { answer, image, before, hello };
  }

  it('refuses an ext4 file system and leaves it untouched', async () => {
    const { answer, image, before, hello } = await planAgainst((img) => run('mkfs.ext4', ['-q', '-F', img]));
    expect(hello.state).toEqual({ phase: 'fresh' });
    expect(answer).toMatchObject({ type: 'error', code: 'target-in-use' });
    expect((answer as { message: string }).message).toContain('ext4');
    expect(imageFingerprint(image)).toBe(before);
  });

  it('refuses bare signature bytes (an ext4 superblock magic) even where blkid would need more', async () => {
    const { answer, image, before } = await planAgainst((img) => {
      const fd = openSync(img, 'r+');
      writeSync(fd, Buffer.from([0x53, 0xef]), 0, 2, 0x438);
      closeSync(fd);
    });
    expect(answer).toMatchObject({ code: 'target-in-use' });
    expect(imageFingerprint(image)).toBe(before);
  });

  it("refuses someone else's LUKS volume and leaves it untouched", async () => {
    const { answer, image, before } = await planAgainst((img) =>
      run('cryptsetup', ['luksFormat', '--type', 'luks2', '--batch-mode', ...FAST, '--key-file', '-', img], 'their secret'),
    );
    expect(answer).toMatchObject({ code: 'target-in-use' });
    expect(imageFingerprint(image)).toBe(before);
  });

  it('refuses an unfinished first boot of another installation', async () => {
    const token = JSON.stringify({ type: 'spectrum-firstboot', keyslots: [], installId: newInstallId(), planId: 'ab'.repeat(32) });
    const { answer, image, before, hello } = await planAgainst((img) => {
      run('cryptsetup', ['luksFormat', '--type', 'luks2', '--batch-mode', ...FAST, '--key-file', '-', img], 'their secret');
      run('cryptsetup', ['token', 'import', '--json-file', '-', img], token);
    });
    expect(hello.state).toMatchObject({ phase: 'failed', planId: 'ab'.repeat(32) });
    expect(answer).toMatchObject({ code: 'target-in-use' });
    expect(imageFingerprint(image)).toBe(before);
  });

  it('formats again an unfinished attempt of the same installation', async () => {
    const installId = newInstallId();
    const token = JSON.stringify({ type: 'spectrum-firstboot', keyslots: [], installId, planId: 'cd'.repeat(32) });
    const { answer } = await planAgainst((img) => {
      run('cryptsetup', ['luksFormat', '--type', 'luks2', '--batch-mode', ...FAST, '--key-file', '-', img], 'old secret');
      run('cryptsetup', ['token', 'import', '--json-file', '-', img], token);
    }, installId);
    expect(answer).toMatchObject({ type: 'accepted' });
  });

  it('formats again a header this installation wrote but whose token never landed (crash inside format)', async () => {
    const installId = newInstallId();
    const { answer } = await planAgainst((img) => {
      run(
        'cryptsetup',
        [
          'luksFormat',
          '--type',
          'luks2',
          '--batch-mode',
          ...FAST,
          '--label',
          installId,
          '--subsystem',
          'spectrum-firstboot',
          '--key-file',
          '-',
          img,
        ],
        'old secret',
      );
    }, installId);
    expect(answer).toMatchObject({ type: 'accepted' });
  });

  it('answers already-provisioned for a finished installation, whoever asks', async () => {
    const token = JSON.stringify({
      type: 'spectrum-firstboot',
      keyslots: [],
      installId: newInstallId(),
      planId: 'ef'.repeat(32),
      completedAt: '2026-01-01T00:00:00Z',
    });
    const { answer, image, before, hello } = await planAgainst((img) => {
      run('cryptsetup', ['luksFormat', '--type', 'luks2', '--batch-mode', ...FAST, '--key-file', '-', img], 'their secret');
      run('cryptsetup', ['token', 'import', '--json-file', '-', img], token);
    });
    expect(hello.state).toMatchObject({ phase: 'provisioned', planId: 'ef'.repeat(32) });
    expect(answer).toMatchObject({ code: 'already-provisioned' });
    expect(imageFingerprint(image)).toBe(before);
  });
});
