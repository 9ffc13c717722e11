// The sandbox's simulated keys, kept as files so the helper and the unlock program see one key:
// hmac-secret is HMAC-SHA-256(CredRandom, salt) with a different CredRandom with and without the
// PIN; each misbehaving key fails with its own code; a key can be pulled out and plugged back.
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fido2Outcome } from '../test-support/fido2-outcome';
import { HelperFido2 } from './helper-fido2';
import { SIMULATED_PIN, SimulatedKeys, createSimulatedKeys } from './simulated-keys';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sim-keys-'));
  createSimulatedKeys(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fast = () => new SimulatedKeys(dir, { delayScale: 0 });
const pin = Buffer.from(SIMULATED_PIN);
const none = () => undefined;

describe('simulated security keys', () => {
  it('are listed, each marked simulated, the PIN key with its PIN', async () => {
    const { keys } = await fast().list();
    expect(keys.map((k) => k.id)).toEqual(['sim:no-pin', 'sim:pin', 'sim:removed', 'sim:slow', 'sim:untouched']);
    expect(keys.every((k) => k.simulated)).toBe(true);
    expect(keys.find((k) => k.id === 'sim:pin')!.hasPin).toBe(true);
  });

  it('can be offered one at a time (a fleet machine has one key): the others are neither listed nor usable', async () => {
    const one = new SimulatedKeys(dir, { delayScale: 0, only: ['no-pin'] });
    expect((await one.list()).keys.map((k) => k.id)).toEqual(['sim:no-pin']);
    expect(await fido2Outcome(one.holdsCredential('sim:pin', 'io.systemd.cryptsetup', new Uint8Array(64)))).toBe('fido2-no-device');
  });

  it('give HMAC-SHA-256(CredRandom, salt), another one without the PIN, and the same in another process', async () => {
    const fido2 = new HelperFido2(fast());
    await fido2.list();
    const e = await fido2.enroll('sim:pin', pin, none);
    const record = JSON.parse(readFileSync(path.join(dir, 'pin.json'), 'utf8')) as {
      credentials: Record<string, { withUv: string; withoutUv: string }>;
    };
    const cred = record.credentials[e.params.credential]!;
    const salt = Buffer.from(e.params.salt, 'base64');
    expect(fido2.secretOf(e.enrollmentId)!.secret).toEqual(createHmac('sha256', Buffer.from(cred.withUv, 'base64')).update(salt).digest());
    // Another program (the unlock) reading the same key file derives the same secret.
    const other = new SimulatedKeys(dir, { delayScale: 0 });
    const again = await other.hmacSecret({
      deviceId: 'sim:pin',
      pin,
      rpId: 'io.systemd.cryptsetup',
      credentialId: Buffer.from(e.params.credential, 'base64'),
      salt,
      clientDataHash: new Uint8Array(32),
      userPresence: true,
    });
    expect(Buffer.from(again)).toEqual(fido2.secretOf(e.enrollmentId)!.secret);
    expect(cred.withUv).not.toBe(cred.withoutUv);
    expect(await other.holdsCredential('sim:pin', 'io.systemd.cryptsetup', Buffer.from(e.params.credential, 'base64'))).toBe(true);
    expect(await other.holdsCredential('sim:no-pin', 'io.systemd.cryptsetup', Buffer.from(e.params.credential, 'base64'))).toBe(false);
  });

  it('fail with their own codes: wrong PIN, no PIN, removed mid-enrollment, never touched, unknown', async () => {
    const fido2 = new HelperFido2(fast());
    await fido2.list();
    expect(await fido2Outcome(fido2.enroll('sim:pin', Buffer.from('000000'), none))).toBe('fido2-wrong-pin');
    expect(await fido2Outcome(fido2.enroll('sim:pin', undefined, none))).toBe('fido2-pin-required');
    expect(await fido2Outcome(fido2.enroll('sim:removed', undefined, none))).toBe('fido2-device-removed');
    expect(await fido2Outcome(fido2.enroll('sim:untouched', undefined, none))).toBe('fido2-timeout');
    expect(await fido2Outcome(fido2.enroll('sim:nothing', undefined, none))).toBe('fido2-no-device');
    expect((await fido2.list()).keys.some((k) => k.id === 'sim:removed')).toBe(true); // plugged back in
  });

  it('can be pulled out (a key left at home) and plugged back', async () => {
    const keys = fast();
    keys.setPlugged('no-pin', false);
    expect((await keys.list()).keys.map((k) => k.id)).not.toContain('sim:no-pin');
    keys.setPlugged('no-pin', true);
    expect((await keys.list()).keys.map((k) => k.id)).toContain('sim:no-pin');
  });

  it('forget an enrollment and wipe its secret', async () => {
    const fido2 = new HelperFido2(fast());
    await fido2.list();
    const e = await fido2.enroll('sim:no-pin', undefined, none);
    fido2.forget(e.enrollmentId);
    expect(fido2.secretOf(e.enrollmentId)).toBeNull();
    expect(fido2.has(e.enrollmentId)).toBe(false);
  });
});
