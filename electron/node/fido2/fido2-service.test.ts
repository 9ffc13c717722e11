// FIDO2 enrollment on the software model: the secret is HMAC-SHA-256(CredRandom, salt), the
// renderer sees only public parameters, and each failure has its own code.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Fido2EnrollmentSchema } from '../../../shared/ipc/contract';
import { code } from '../testing/error-code';
import { Fido2Service } from './fido2-service';
import { SIMULATED_PIN, SimulatedKeysProvider, withSimulatedKeys } from './simulated-keys';
import { SoftwareAuthenticator } from './software-authenticator';

function setup() {
  const provider = new SimulatedKeysProvider({ delayScale: 0 });
  const service = new Fido2Service(provider);
  return { provider, service };
}

describe('software authenticator', () => {
  it('gives HMAC-SHA-256(CredRandom, salt), with a different CredRandom with and without the PIN', async () => {
    const key = new SoftwareAuthenticator({ pin: '1234' });
    const { credentialId } = await key.makeCredential({ rpId: 'io.systemd.cryptsetup', pin: '1234' });
    const salt = new Uint8Array(32).fill(7);
    const withPin = await key.hmacSecret({ rpId: 'io.systemd.cryptsetup', credentialId, salt, pin: '1234', userPresence: true });
    const withoutPin = await key.hmacSecret({ rpId: 'io.systemd.cryptsetup', credentialId, salt, userPresence: true });
    expect(Buffer.from(withPin)).toEqual(createHmac('sha256', key.credRandom(credentialId, true)).update(salt).digest());
    expect(Buffer.from(withoutPin)).toEqual(createHmac('sha256', key.credRandom(credentialId, false)).update(salt).digest());
    expect(Buffer.from(withPin)).not.toEqual(Buffer.from(withoutPin));
  });

  it('refuses another rp id and an unknown credential', async () => {
    const key = new SoftwareAuthenticator();
    const { credentialId } = await key.makeCredential({ rpId: 'io.systemd.cryptsetup' });
    const salt = new Uint8Array(32);
    expect(await code(key.hmacSecret({ rpId: 'example.org', credentialId, salt, userPresence: true }))).toBe('fido2-failed');
    expect(await code(key.hmacSecret({ rpId: 'io.systemd.cryptsetup', credentialId: new Uint8Array(64), salt, userPresence: true }))).toBe('fido2-failed');
  });
});

describe('FIDO2 enrollment', () => {
  it('offers the simulated keys, each marked simulated', async () => {
    const { service } = setup();
    const { devices } = await service.devices();
    expect(devices.map((d) => d.id)).toEqual(['sim:pin', 'sim:no-pin', 'sim:slow', 'sim:removed', 'sim:untouched']);
    expect(devices.every((d) => d.simulated)).toBe(true);
    expect(devices.find((d) => d.id === 'sim:pin')!.hasPin).toBe(true);
  });

  it('enrolls with the PIN: public params out, the secret equals HMAC-SHA-256(CredRandom, salt), and verifies', async () => {
    const { provider, service } = setup();
    await service.devices();
    const enrollment = await service.enroll('sim:pin', SIMULATED_PIN);
    expect(Fido2EnrollmentSchema.parse(enrollment)).toEqual(enrollment);
    expect(Object.keys(enrollment).sort()).toEqual(['enrollmentId', 'params', 'verified']);
    expect(enrollment.params).toMatchObject({ rp: 'io.systemd.cryptsetup', clientPinRequired: true, upRequired: true, uvRequired: false });
    expect(Buffer.from(enrollment.params.salt, 'base64')).toHaveLength(32);

    const credRandom = provider.authenticator('sim:pin')!.credRandom(Buffer.from(enrollment.params.credential, 'base64'), true);
    const expected = createHmac('sha256', credRandom).update(Buffer.from(enrollment.params.salt, 'base64')).digest('base64');
    expect(service.secretFor(enrollment.enrollmentId).fido2Secret).toBe(expected);
    expect(JSON.stringify(enrollment)).not.toContain(expected);

    expect(await service.verify(enrollment.enrollmentId, SIMULATED_PIN)).toEqual({ verified: true });
  });

  it('enrolls a key without a PIN without one', async () => {
    const { service } = setup();
    await service.devices();
    const enrollment = await service.enroll('sim:no-pin', undefined);
    expect(enrollment.params.clientPinRequired).toBe(false);
    expect(await service.verify(enrollment.enrollmentId, undefined)).toEqual({ verified: true });
  });

  it('says fido2-wrong-pin for a wrong PIN, at enrollment and at verification', async () => {
    const { service } = setup();
    await service.devices();
    expect(await code(service.enroll('sim:pin', '000000'))).toBe('fido2-wrong-pin');
    const enrollment = await service.enroll('sim:pin', SIMULATED_PIN);
    expect(await code(service.verify(enrollment.enrollmentId, '000000'))).toBe('fido2-wrong-pin');
  });

  it('says fido2-pin-required when a PIN key gets none', async () => {
    const { service } = setup();
    await service.devices();
    expect(await code(service.enroll('sim:pin', undefined))).toBe('fido2-pin-required');
  });

  it('says fido2-device-removed when the key is pulled mid-enrollment, and the key is back at the next listing', async () => {
    const { provider, service } = setup();
    await service.devices();
    expect(await code(service.enroll('sim:removed', undefined))).toBe('fido2-device-removed');
    expect(provider.authenticator('sim:removed')!.isPresent).toBe(false);
    await service.devices();
    expect(provider.authenticator('sim:removed')!.isPresent).toBe(true);
  });

  it('says fido2-timeout when nobody touches the key, and fido2-no-device for an unknown id', async () => {
    const { service } = setup();
    await service.devices();
    expect(await code(service.enroll('sim:untouched', undefined))).toBe('fido2-timeout');
    expect(await code(service.enroll('sim:nothing', undefined))).toBe('fido2-no-device');
  });

  it('forgets an enrollment and wipes its secret', async () => {
    const { service } = setup();
    await service.devices();
    const enrollment = await service.enroll('sim:no-pin', undefined);
    service.forget(enrollment.enrollmentId);
    expect(await code(Promise.resolve().then(() => service.secretFor(enrollment.enrollmentId)))).toBe('unknown-enrollment');
    expect(await code(service.verify(enrollment.enrollmentId, undefined))).toBe('unknown-enrollment');
  });

  it('routes simulated ids to the simulated keys and lists real keys first', async () => {
    const real = { listDevices: async () => ({ devices: [{ id: '/dev/hidraw0', name: 'Real key', hasPin: false, simulated: false }], toolsMissing: false }), makeCredential: async () => { throw new Error('real'); }, hmacSecret: async () => { throw new Error('real'); } };
    const combined = withSimulatedKeys(real, new SimulatedKeysProvider({ delayScale: 0 }));
    const { devices } = await combined.listDevices();
    expect(devices[0]!.id).toBe('/dev/hidraw0');
    const service = new Fido2Service(combined);
    await service.devices();
    expect((await service.enroll('sim:no-pin', undefined)).verified).toBe(true);
  });
});
