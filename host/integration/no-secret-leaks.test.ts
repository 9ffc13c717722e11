// Secrets reach the disk only as LUKS keyslots: no log line, journal, receipt, frame or process
// output holds the passphrase, the recovery key or the FIDO2 secret, in plain or encoded form.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, lstatSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { base64, base64url } from '../../shared/util/bytes';
import { HelperClient } from '../test-support/helper-client';
import { loadSigner, makePlan } from '../test-support/plan-maker';
import { makeTempDir, removeTempDir, startSandbox } from '../test-support/sandbox-helper';
import { fido2PlanParts, softwareEnrollment } from '../test-support/software-fido2';
import { builtHelper } from '../test-support/built-helper';

const HEADER_BYTES = 32 * 1024 * 1024; // LUKS2 header and keyslot area; the rest of the image is never written in the sandbox

/** Every form in which a secret could leak: as is, UTF-8 in base64 and base64url, and hex. */
function forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  return [secret, base64.encode(bytes).replace(/=+$/, ''), base64url.encode(bytes), Buffer.from(bytes).toString('hex')];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const st = lstatSync(full);
    if (st.isDirectory()) return filesUnder(full);
    return st.isFile() ? [full] : [];
  });
}

function contentOf(file: string): Buffer {
  // The clear stand-in volume holds what the files on its mount hold: those are read while mounted.
  if (file.endsWith('userdata-clear.img')) return Buffer.alloc(0);
  if (!file.endsWith('userdata.img')) return readFileSync(file);
  const buf = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(file, 'r');
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  return buf.subarray(0, n);
}

function expectNoLeak(where: string, haystack: Buffer | string, secrets: string[]): void {
  const text = Buffer.isBuffer(haystack) ? haystack : Buffer.from(haystack, 'utf8');
  for (const secret of secrets)
    for (const form of forms(secret)) {
      if (text.includes(Buffer.from(form, 'utf8'))) throw new Error(`a secret appears in ${where}`);
    }
}

describe('no secret leaves as text', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => removeTempDir(d)));

  it('passphrase plan through the CLI, with a fault, a retry and refusals', async () => {
    const passphrase = `leak-canary ${randomBytes(8).toString('hex')}`;
    const recovery = formatRecoveryKey(randomBytes(32));
    const dir = makeTempDir();
    dirs.push(dir);
    const child = spawn(process.execPath, [builtHelper(), '--sandbox', dir, '--fast-kdf', '--fail-step', 'userdata-enroll:1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const lines = createInterface({ input: child.stdout });
    const ready = await new Promise<{ socket: string; signingKey: string }>((resolve) => lines.once('line', (l) => resolve(JSON.parse(l))));
    lines.on('line', (l) => (out += l));
    const transcripts: string[] = [];

    const { client, hello } = await HelperClient.open(ready.socket);
    const plan = await makePlan({ hello, signer: loadSigner(ready.signingKey), secrets: { passphrase, recoveryKey: recovery } });
    client.send(plan.frame);
    expect((await client.untilEnd()).at(-1)).toMatchObject({ ok: false, step: 'userdata-enroll' });
    client.send({ type: 'retry', planId: plan.planId });
    expect((await client.untilEnd()).at(-1)).toMatchObject({ ok: true });
    client.send(plan.frame); // replayed
    await client.next();
    transcripts.push(...client.transcript);
    client.close();

    const bad = await HelperClient.open(ready.socket);
    bad.client.send(
      (await makePlan({ hello: bad.hello, signer: loadSigner(ready.signingKey), secrets: { passphrase: 'short', recoveryKey: recovery } }))
        .frame,
    );
    await bad.client.next();
    transcripts.push(...bad.client.transcript);
    bad.client.close();

    const secrets = [passphrase, recovery];
    const onUserData = filesUnder(dir); // with the user-data volume still mounted
    expect(onUserData.some((f) => f.endsWith('receipt.json'))).toBe(true);
    for (const f of onUserData) expectNoLeak(path.relative(dir, f), contentOf(f), secrets);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    expectNoLeak('stdout', out, secrets);
    expectNoLeak('stderr', err, secrets);
    expectNoLeak('frames', transcripts.join('\n'), secrets);
    const files = filesUnder(dir);
    expect(files.some((f) => f.endsWith('journal.json'))).toBe(true);
    for (const f of files) expectNoLeak(path.relative(dir, f), contentOf(f), secrets);
  });

  it('FIDO2 plan in-process', async () => {
    const enrollment = softwareEnrollment();
    const recovery = formatRecoveryKey(randomBytes(32));
    const sb = await startSandbox({ failSteps: [{ step: 'receipt', count: 1 }] });
    dirs.push(sb.dir);
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({ hello, signer: sb.signer, ...fido2PlanParts(enrollment, recovery) });
    client.send(plan.frame);
    await client.untilEnd();
    client.send({ type: 'retry', planId: plan.planId });
    expect((await client.untilEnd()).at(-1)).toMatchObject({ ok: true });
    const transcript = client.transcript.join('\n');
    client.close();
    const secrets = [enrollment.secret, recovery];
    for (const f of filesUnder(sb.dir)) expectNoLeak(path.relative(sb.dir, f), contentOf(f), secrets); // volume mounted
    await sb.helper.close();
    expectNoLeak('frames', transcript, secrets);
    for (const f of filesUnder(sb.dir)) expectNoLeak(path.relative(sb.dir, f), contentOf(f), secrets);
    expect(readFileSync(path.join(sb.dir, 'helper.log'), 'utf8')).toMatch(/"event":"secrets-dropped"/);
  });
});
