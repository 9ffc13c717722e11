// The libfido2 command-line provider against fake tools that behave like fido2-tools: device
// listing, the PIN given at the tool's prompt (never on its command line), the hmac-secret
// from the last output line, and the error mapping.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { code } from '../testing/error-code';
import { FAKE_DEVICE, FAKE_KEY_WITHOUT_PIN, FAKE_KEY_WITH_PIN, installFakeFido2Tools } from '../testing/fake-fido2-tools';
import { makeTempDir } from '../../../shared-node/testing/temp-dir';
import { Fido2Service } from './fido2-service';
import { Libfido2Provider, classifyToolError, parseTokenList } from './libfido2-provider';
import { runFido2Tool } from './tool-runner';

let temp: ReturnType<typeof makeTempDir>;
let bin: string;
beforeEach(() => {
  temp = makeTempDir();
  bin = installFakeFido2Tools(temp.dir);
});
afterEach(() => temp.remove());

const argvLog = () => path.join(temp.dir, 'argv.log');
function service(env: NodeJS.ProcessEnv = {}) {
  return new Fido2Service(
    new Libfido2Provider({ env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, FAKE_FIDO2_ARGV_LOG: argvLog(), ...env }, touchTimeoutMs: 10_000 }),
  );
}

describe('libfido2 tools provider', () => {
  it('lists keys with fido2-token -L and tells which have a PIN', async () => {
    expect(await service({ FAKE_FIDO2_PIN: '4321' }).devices()).toEqual({
      devices: [{ id: FAKE_DEVICE, name: 'Yubico YubiKey OTP+FIDO+CCID', hasPin: true, simulated: false }],
      toolsMissing: false,
    });
    expect((await service().devices()).devices[0]!.hasPin).toBe(false);
  });

  it('says toolsMissing when fido2-tools are not installed, and fido2-no-device for enrollment then', async () => {
    const s = new Fido2Service(new Libfido2Provider({ env: { ...process.env, PATH: path.join(temp.dir, 'empty') } }));
    expect(await s.devices()).toEqual({ devices: [], toolsMissing: true });
    expect(await code(s.enroll(FAKE_DEVICE, undefined))).toBe('fido2-no-device');
  });

  it('says fido2-tools-missing when a tool disappears', async () => {
    const provider = new Libfido2Provider({ toolsDir: path.join(temp.dir, 'gone') });
    expect(await code(provider.hmacSecret({ deviceId: 'x', rpId: 'r', credentialId: new Uint8Array(1), salt: new Uint8Array(32), clientDataHash: new Uint8Array(32), userPresence: true }))).toBe('fido2-no-device');
    expect(await code(runFido2Tool(path.join(temp.dir, 'gone', 'fido2-cred'), [], { input: '', timeoutMs: 1000 }))).toBe('fido2-tools-missing');
  });

  it('enrolls with the PIN at the prompt; the secret is the last output line', async () => {
    const s = service({ FAKE_FIDO2_PIN: '4321' });
    await s.devices();
    const enrollment = await s.enroll(FAKE_DEVICE, '4321');
    expect(enrollment.params.clientPinRequired).toBe(true);
    const expected = createHmac('sha256', FAKE_KEY_WITH_PIN).update(Buffer.from(enrollment.params.salt, 'base64')).digest('base64');
    expect(s.secretFor(enrollment.enrollmentId).fido2Secret).toBe(expected);
    expect(await s.verify(enrollment.enrollmentId, '4321')).toEqual({ verified: true });
    const argv = readFileSync(argvLog(), 'utf8');
    expect(argv).not.toContain('4321');
    expect(argv).toContain('"pin=true"');
    expect(argv).toContain('"-M","-h","--","/dev/hidraw7","es256"');
  });

  it('enrolls a key without a PIN without asking for one', async () => {
    const s = service();
    await s.devices();
    const enrollment = await s.enroll(FAKE_DEVICE, undefined);
    const expected = createHmac('sha256', FAKE_KEY_WITHOUT_PIN).update(Buffer.from(enrollment.params.salt, 'base64')).digest('base64');
    expect(s.secretFor(enrollment.enrollmentId).fido2Secret).toBe(expected);
    expect(readFileSync(argvLog(), 'utf8')).not.toContain('pin=true');
  });

  it('maps a wrong PIN, a missing PIN and a removed key to their codes', async () => {
    const s = service({ FAKE_FIDO2_PIN: '4321' });
    await s.devices();
    expect(await code(s.enroll(FAKE_DEVICE, '0000'))).toBe('fido2-wrong-pin');
    expect(await code(s.enroll(FAKE_DEVICE, undefined))).toBe('fido2-pin-required');
    const removed = service({ FAKE_FIDO2_REMOVED: '1' });
    await removed.devices();
    expect(await code(removed.enroll(FAKE_DEVICE, undefined))).toBe('fido2-device-removed');
  });

  it('stops a tool that prompts for a PIN it was not given: fido2-pin-required', async () => {
    const provider = new Libfido2Provider({ env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, FAKE_FIDO2_PIN: '4321' } });
    await provider.listDevices();
    const request = { deviceId: FAKE_DEVICE, rpId: 'io.systemd.cryptsetup', userName: 'u', userId: new Uint8Array(32), clientDataHash: new Uint8Array(32) };
    expect(await code(provider.makeCredential(request))).toBe('fido2-pin-required');
  });

  it('never passes a device the listing did not name', async () => {
    const s = service();
    await s.devices();
    expect(await code(s.enroll('-x', undefined))).toBe('fido2-no-device');
    expect(await code(s.enroll('/dev/sda', undefined))).toBe('fido2-no-device');
  });
});

describe('parsing', () => {
  it('reads fido2-token -L lines', () => {
    expect(parseTokenList('/dev/hidraw0: vendor=0x1050, product=0x0407 (Yubico YubiKey OTP+FIDO+CCID)\n/dev/hidraw3: vendor=0x20a0, product=0x42b1 (Nitrokey Nitrokey 3)\n\n')).toEqual([
      { path: '/dev/hidraw0', name: 'Yubico YubiKey OTP+FIDO+CCID' },
      { path: '/dev/hidraw3', name: 'Nitrokey Nitrokey 3' },
    ]);
  });

  it.each([
    ['fido2-assert: fido_dev_get_assert: FIDO_ERR_PIN_INVALID', 'fido2-wrong-pin'],
    ['fido2-cred: fido_dev_make_cred: FIDO_ERR_PIN_AUTH_BLOCKED', 'fido2-wrong-pin'],
    ['fido2-cred: fido_dev_make_cred: FIDO_ERR_PIN_REQUIRED', 'fido2-pin-required'],
    ['fido2-assert: fido_dev_get_assert: FIDO_ERR_ACTION_TIMEOUT', 'fido2-timeout'],
    ['fido2-assert: fido_dev_open /dev/hidraw0: FIDO_ERR_INTERNAL', 'fido2-device-removed'],
    ['fido2-assert: fido_dev_get_assert: FIDO_ERR_RX', 'fido2-device-removed'],
    ['fido2-cred: fido_dev_make_cred: FIDO_ERR_UNSUPPORTED_EXTENSION', 'fido2-failed'],
  ])('%s → %s', (stderr, expected) => {
    expect(classifyToolError(stderr)).toBe(expected);
  });
});
