// The answers file on a USB stick plugged in at start (docs/protocol.md §12.2): offered like a
// folder's, the plan that follows it provisions, and the sealed recovery key is written beside
// it on that stick, with every other file on the stick unchanged. Two sticks that hold one are
// refused as ambiguous; answers as written, never signed, are refused as not signed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEscrow, readEscrowPrivateKey } from '../answers/escrow';
import { PERSONAL_FILES } from '../test-support/sticks';
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
import { makeStick, stickFileHashes, stickKeyFile } from '../test-support/sticks';

const PASSPHRASE = 'correct horse battery staple';
const ANSWERS_ON_STICK = 'spectrum-firstboot/answers.signed.json';

describe('an answers file on a USB stick', () => {
  let orgDir: string;
  let org: Organization;
  const sandboxes: TestSandbox[] = [];
  beforeAll(() => {
    orgDir = makeTempDir('spectrum-org-');
    org = makeOrganization(orgDir);
  });
  afterAll(async () => {
    for (const sb of sandboxes) await sb.dispose();
    rmSync(orgDir, { recursive: true, force: true });
  });
  const start = async (dir: string) => {
    const sb = await startSandbox({ trustedKeysDir: org.trustedKeysDir }, dir);
    sandboxes.push(sb);
    return sb;
  };
  const signed = () => JSON.stringify(signAnswers(fleetAnswers({ escrowPublicKey: org.escrowPublicKey }), org.signingKey), null, 2);

  it('is offered, the plan that follows it provisions, and the recovery key is escrowed beside it on the stick', async () => {
    const dir = makeTempDir();
    const stick = makeStick(dir, 'fleet', 'vfat', 'FLEET', { ...PERSONAL_FILES, [ANSWERS_ON_STICK]: signed() });
    makeStick(dir, 'photos', 'vfat', 'PHOTOS');
    const before = stickFileHashes(stick, 'vfat');
    const sb = await start(dir);
    const { digest, recoveryKey, last } = await installFromOfferedAnswers(sb, PASSPHRASE);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(last).toMatchObject({ type: 'result', ok: true });
    const luksUuid = spawnSync('cryptsetup', ['luksUUID', path.join(dir, 'userdata.img')], { encoding: 'utf8' }).stdout.trim();
    const escrowName = `${luksUuid}.escrow.json`;
    expect(last).toMatchObject({ receipt: { answers: { digest, escrow: escrowName } } });

    const sealed = stickKeyFile(stick, 'vfat', `spectrum-firstboot/${escrowName}`).toString('utf8');
    const opened = await openEscrow(sealed, readEscrowPrivateKey(org.escrowKeyFile));
    expect(opened.recoveryKey).toBe(recoveryKey);
    const after = stickFileHashes(stick, 'vfat');
    expect(Object.keys(after).filter((f) => !(f in before))).toEqual([`spectrum-firstboot/${escrowName}`]);
    delete after[`spectrum-firstboot/${escrowName}`];
    expect(after).toEqual(before);
  }, 180_000);

  it("wins over the sandbox's answers folder, and an --answers-dir folder wins over it", async () => {
    const texts = ['stick', 'image', 'explicit'].map((who) => fleetAnswers({ extra: `# ${who}` }));
    const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');
    const dir = makeTempDir();
    makeStick(dir, 'fleet', 'vfat', 'FLEET', { [ANSWERS_ON_STICK]: JSON.stringify(signAnswers(texts[0]!, org.signingKey)) });
    placeAnswers(dir, signAnswers(texts[1]!, org.signingKey));
    const first = await startSandbox({ trustedKeysDir: org.trustedKeysDir }, dir);
    const a = await HelperClient.open(first.helper.socketPath);
    a.client.close();
    expect(a.hello.answers).toMatchObject({ status: 'offered', digest: digestOf(texts[0]!) });
    const explicit = makeTempDir('spectrum-esp-');
    writeFileSync(path.join(explicit, 'answers.signed.json'), JSON.stringify(signAnswers(texts[2]!, org.signingKey)));
    // The same machine started again with the folder named: the stick is still plugged in.
    const second = await first.restart({ answersDirs: [explicit] });
    sandboxes.push(second);
    const b = await HelperClient.open(second.helper.socketPath);
    b.client.close();
    expect(b.hello.answers).toMatchObject({ status: 'offered', digest: digestOf(texts[2]!) });
  }, 120_000);

  it('refuses, as ambiguous, two sticks that both hold answers', async () => {
    const dir = makeTempDir();
    makeStick(dir, 'first', 'vfat', 'FIRST', { [ANSWERS_ON_STICK]: signed() });
    makeStick(dir, 'second', 'vfat', 'SECOND', { [ANSWERS_ON_STICK]: signed() });
    const sb = await start(dir);
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    client.close();
    expect(hello.answers).toMatchObject({ status: 'refused', code: 'ambiguous' });
    expect(hello.answers?.status === 'refused' && hello.answers.message).toContain('usb/first.img, usb/second.img');
  }, 120_000);

  it('refuses answers as written, never signed, as not signed', async () => {
    const dir = makeTempDir();
    makeStick(dir, 'fleet', 'vfat', 'FLEET', { 'spectrum-firstboot/answers.yaml': fleetAnswers({}) });
    const sb = await start(dir);
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    client.close();
    expect(hello.answers).toMatchObject({ status: 'refused', code: 'not-signed' });
  }, 120_000);
});
