// One signed answers file, two machines: the same choices on both, each with its own LUKS volume
// and recovery key; each receipt names the answers file, and each recovery key is escrowed
// beside it and opens its own volume (only its own) once opened with the escrow key.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanPayloadSchema } from '../../shared/plan/plan-schema';
import { ReceiptSchema, type Receipt } from '../../shared/protocol/messages';
import { base64 } from '../../shared/util/bytes';
import { main as answersCli } from '../answers/cli/answers-cli';
import { keyIdOf } from '../../shared-node/crypto/ed25519';
import {
  fleetAnswers,
  installFromOfferedAnswers,
  makeOrganization,
  placeAnswers,
  signAnswers,
  type Organization,
} from '../test-support/answers-maker';
import { HelperClient } from '../test-support/helper-client';
import { makeTempDir, startSandbox, type TestSandbox } from '../test-support/sandbox-helper';

const PASSPHRASE = 'correct horse battery staple';

const cryptsetup = (args: string[], input?: string) => spawnSync('cryptsetup', args, { input, encoding: 'utf8' });

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await answersCli(args, { out: (t) => void (out += t + '\n'), err: (t) => void (err += t + '\n') });
  return { code, out, err };
}

interface Machine {
  readonly sb: TestSandbox;
  readonly receipt: Receipt;
  readonly recoveryKey: string;
  readonly luksUuid: string;
  readonly image: string;
}

describe('a fleet provisioned from one signed answers file', () => {
  let orgDir: string;
  let org: Organization;
  let text: string;
  const machines: Machine[] = [];

  beforeAll(async () => {
    orgDir = makeTempDir('spectrum-org-');
    org = makeOrganization(orgDir);
    text = fleetAnswers({ escrowPublicKey: org.escrowPublicKey });
    const envelope = signAnswers(text, org.signingKey);
    for (let i = 0; i < 2; i++) {
      const dir = makeTempDir();
      placeAnswers(dir, envelope);
      const sb = await startSandbox({ trustedKeysDir: org.trustedKeysDir }, dir);
      const { recoveryKey, last } = await installFromOfferedAnswers(sb, PASSPHRASE);
      if (last.type !== 'result' || !last.ok) throw new Error(`not provisioned: ${JSON.stringify(last)}`);
      const image = path.join(dir, 'userdata.img');
      const luksUuid = cryptsetup(['luksUUID', image]).stdout.trim();
      machines.push({ sb, receipt: ReceiptSchema.parse(last.receipt), recoveryKey, luksUuid, image });
    }
  });
  afterAll(async () => {
    for (const m of machines) await m.sb.dispose();
    rmSync(orgDir, { recursive: true, force: true });
  });

  it('offers the file in hello, by digest and signing key', async () => {
    const { client, hello } = await HelperClient.open(machines[0]!.sb.helper.socketPath);
    client.close();
    expect(hello.answers).toMatchObject({
      status: 'offered',
      digest: createHash('sha256').update(text).digest('hex'),
      keyId: keyIdOf(org.signingKey),
      answers: { organization: 'Example Fleet IT', profile: 'common', escrow: { publicKey: org.escrowPublicKey } },
    });
  });

  it('gives both machines the same choices, and different LUKS volumes and recovery keys', () => {
    const payloads = machines.map((m) => {
      const envelope = m.receipt.envelope as { payload: string };
      return PlanPayloadSchema.parse(JSON.parse(Buffer.from(base64.decode(envelope.payload)!).toString('utf8')));
    });
    const choices = payloads.map((p) => ({
      locale: p.locale,
      keyboard: p.keyboard,
      accessibility: p.accessibility,
      profile: p.profile,
      vms: p.vms,
      method: p.encryption.method,
      recoveryKey: p.encryption.recoveryKey,
    }));
    expect(choices[0]).toEqual(choices[1]);
    expect(choices[0]).toMatchObject({
      locale: 'fi',
      profile: 'common',
      vms: { apps: ['browser', 'editor', 'terminal'] },
      method: 'passphrase',
      recoveryKey: true,
    });
    expect(payloads[0]!.installId).not.toBe(payloads[1]!.installId);
    expect(machines[0]!.luksUuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(machines[0]!.luksUuid).not.toBe(machines[1]!.luksUuid);
    expect(machines[0]!.recoveryKey).not.toBe(machines[1]!.recoveryKey);
  });

  it('records the answers digest in each plan and each receipt', () => {
    const digest = createHash('sha256').update(text).digest('hex');
    for (const m of machines) {
      expect(m.receipt.answers).toEqual({
        digest,
        keyId: keyIdOf(org.signingKey),
        organization: 'Example Fleet IT',
        escrow: `${m.luksUuid}.escrow.json`,
      });
      const onDisk = ReceiptSchema.parse(
        JSON.parse(readFileSync(path.join(m.sb.dir, 'root', m.receipt.mount, 'Spectrum/firstboot/receipt.json'), 'utf8')),
      );
      expect(onDisk.answers?.digest).toBe(digest);
    }
  });

  it('escrows each recovery key beside the answers file; opened with the escrow key, it opens its own volume only', async () => {
    for (const [i, m] of machines.entries()) {
      const file = path.join(m.sb.dir, 'answers', `${m.luksUuid}.escrow.json`);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).not.toContain(m.recoveryKey);
      for (const said of ['helper.log', 'state/journal.json'])
        expect(readFileSync(path.join(m.sb.dir, said), 'utf8')).not.toContain(m.recoveryKey);
      const opened = await cli(['open-escrow', '--key', org.escrowKeyFile, file]);
      expect(opened.code).toBe(0);
      const recovered = opened.out.trim();
      expect(recovered).toBe(m.recoveryKey);
      expect(cryptsetup(['open', '--test-passphrase', '--key-slot', '1', '--key-file', '-', m.image], recovered).status).toBe(0);
      const other = machines[1 - i]!;
      expect(cryptsetup(['open', '--test-passphrase', '--key-file', '-', other.image], recovered).status).not.toBe(0);
    }
  });

  it('open-escrow refuses another escrow key, and a copy renamed for another volume does not open', async () => {
    const m = machines[0]!;
    const file = path.join(m.sb.dir, 'answers', `${m.luksUuid}.escrow.json`);
    const stranger = makeOrganization(path.join(orgDir, 'stranger'));
    const wrong = await cli(['open-escrow', '--key', stranger.escrowKeyFile, file]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/does not open/);
    expect(wrong.out).toBe('');
    const moved = JSON.parse(readFileSync(file, 'utf8')) as { luksUuid: string };
    moved.luksUuid = machines[1]!.luksUuid;
    const forged = path.join(orgDir, 'forged.escrow.json');
    writeFileSync(forged, JSON.stringify(moved));
    expect((await cli(['open-escrow', '--key', org.escrowKeyFile, forged])).code).toBe(1);
  });
});
