// A FIDO2 plan: keyslot 0 opens with standard base64 of the hmac-secret output S (as systemd-
// cryptenroll enrolls it), its systemd-fido2 token carries the credential and salt sent, and
// the recovery key has its own keyslot and token.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { base64 } from '../../shared/util/bytes';
import { HelperClient, type Received } from '../test-support/helper-client';
import { makePlan } from '../test-support/plan-maker';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';
import { fido2PlanParts, hmacSecret, softwareEnrollment } from '../test-support/software-fido2';

const cryptsetup = (args: string[], input?: string) => spawnSync('cryptsetup', args, { input, encoding: 'utf8' });

describe('a FIDO2 plan', () => {
  const enrollment = softwareEnrollment();
  const recovery = formatRecoveryKey(randomBytes(32));
  let sb: TestSandbox;
  let frames: Received[];
  const image = () => path.join(sb.dir, 'userdata.img');

  beforeAll(async () => {
    sb = await startSandbox();
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({ hello, signer: sb.signer, ...fido2PlanParts(enrollment, recovery) });
    client.send(plan.frame);
    frames = await client.untilEnd();
    client.close();
  });
  afterAll(() => sb.dispose());

  it('completes', () => {
    expect(frames.at(-1)).toMatchObject({ type: 'result', ok: true });
  });

  it('writes a systemd-fido2 token with the credential and salt that were sent', () => {
    const meta = JSON.parse(cryptsetup(['luksDump', '--dump-json-metadata', image()]).stdout) as {
      keyslots: Record<string, { kdf: Record<string, unknown> }>;
      tokens: Record<string, Record<string, unknown>>;
    };
    const fido2 = Object.values(meta.tokens).find((t) => t.type === 'systemd-fido2');
    expect(fido2).toEqual({
      type: 'systemd-fido2',
      keyslots: ['0'],
      'fido2-credential': enrollment.params.credential,
      'fido2-salt': enrollment.params.salt,
      'fido2-rp': 'io.systemd.cryptsetup',
      'fido2-clientPin-required': true,
      'fido2-up-required': true,
      'fido2-uv-required': false,
    });
    expect(meta.keyslots['0']!.kdf).toMatchObject({ type: 'pbkdf2', hash: 'sha512', iterations: 1000 });
    expect(Object.values(meta.tokens)).toContainEqual({ type: 'systemd-recovery', keyslots: ['1'] });
  });

  it('opens keyslot 0 with base64 of hmac-secret(salt), computed again from the authenticator model', () => {
    const salt = base64.decode(enrollment.params.salt)!;
    const secret = base64.encode(hmacSecret(enrollment.credRandom, salt));
    expect(secret).toMatch(/=$/); // standard base64 with padding, as systemd types it
    expect(cryptsetup(['open', '--test-passphrase', '--key-slot', '0', '--key-file', '-', image()], secret).status).toBe(0);
    expect(cryptsetup(['open', '--test-passphrase', '--key-slot', '1', '--key-file', '-', image()], recovery).status).toBe(0);
    const other = base64.encode(hmacSecret(randomBytes(32), salt));
    expect(cryptsetup(['open', '--test-passphrase', '--key-file', '-', image()], other).status).not.toBe(0);
  });
});
