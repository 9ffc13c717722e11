// Real security keys through libfido2's tools, against fake tools that behave like fido2-tools
// (same arguments, input lines, PIN prompt on stderr and output lines): device listing, the PIN
// given at the tool's prompt (never on its command line), the hmac-secret from the last output
// line, the silent credential check, and the error mapping.
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TOOL_PATH, ToolPath } from '../exec/tool-path';
import { FAKE_DEVICE, FAKE_KEY_WITHOUT_PIN, FAKE_KEY_WITH_PIN, installFakeFido2Tools } from '../test-support/fake-fido2-tools';
import { fido2Outcome } from '../test-support/fido2-outcome';
import { HelperFido2 } from './helper-fido2';
import { Libfido2Keys, classifyToolError, parseTokenList } from './libfido2-keys';
import { runFido2Tool } from './tool-runner';

let dir: string;
let bin: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fido2-tools-'));
  bin = installFakeFido2Tools(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const pinBytes = (pin: string) => Buffer.from(pin, 'utf8');
const argvLog = () => path.join(dir, 'argv.log');
const keys = (env: Record<string, string> = {}) =>
  new Libfido2Keys({
    tools: new ToolPath([bin, ...DEFAULT_TOOL_PATH]),
    env: { FAKE_FIDO2_ARGV_LOG: argvLog(), ...env },
    touchTimeoutMs: 10_000,
  });

describe('libfido2 tools', () => {
  it('lists keys with fido2-token -L and tells which have a PIN', async () => {
    expect(await keys({ FAKE_FIDO2_PIN: '4321' }).list()).toEqual({
      keys: [{ id: FAKE_DEVICE, name: 'Yubico YubiKey OTP+FIDO+CCID', hasPin: true, simulated: false }],
      toolsMissing: false,
    });
    expect((await keys().list()).keys[0]!.hasPin).toBe(false);
  });

  it('says toolsMissing when fido2-tools are not installed, and fido2-tools-missing when a tool disappears', async () => {
    const none = new Libfido2Keys({ tools: new ToolPath([path.join(dir, 'empty')]) });
    expect(await none.list()).toEqual({ keys: [], toolsMissing: true });
    expect(await fido2Outcome(runFido2Tool(path.join(dir, 'gone', 'fido2-cred'), [], { input: '', timeoutMs: 1000, env: {} }))).toBe(
      'fido2-tools-missing',
    );
  });

  it('enrolls with the PIN at the prompt, never on the command line; S is the last output line', async () => {
    const fido2 = new HelperFido2(keys({ FAKE_FIDO2_PIN: '4321' }));
    await fido2.list();
    let touches = 0;
    const enrollment = await fido2.enroll(FAKE_DEVICE, pinBytes('4321'), () => touches++);
    expect(enrollment.params.clientPinRequired).toBe(true);
    const expected = createHmac('sha256', FAKE_KEY_WITH_PIN).update(Buffer.from(enrollment.params.salt, 'base64')).digest('base64');
    expect(fido2.secretOf(enrollment.enrollmentId)!.secret.toString('base64')).toBe(expected);
    expect(await fido2.verify(enrollment.enrollmentId, pinBytes('4321'), () => touches++)).toBe(true);
    expect(touches).toBe(3);
    const argv = readFileSync(argvLog(), 'utf8');
    expect(argv).not.toContain('4321');
    expect(argv).toContain('"pin=true"');
    expect(argv).toContain('"-M","-h","--","/dev/hidraw7","es256"');
  });

  it('enrolls a key without a PIN without asking for one', async () => {
    const fido2 = new HelperFido2(keys());
    await fido2.list();
    const enrollment = await fido2.enroll(FAKE_DEVICE, undefined, () => undefined);
    const expected = createHmac('sha256', FAKE_KEY_WITHOUT_PIN).update(Buffer.from(enrollment.params.salt, 'base64')).digest('base64');
    expect(fido2.secretOf(enrollment.enrollmentId)!.secret.toString('base64')).toBe(expected);
    expect(readFileSync(argvLog(), 'utf8')).not.toContain('pin=true');
  });

  it('maps a wrong PIN, a missing PIN and a removed key to their codes', async () => {
    const fido2 = new HelperFido2(keys({ FAKE_FIDO2_PIN: '4321' }));
    await fido2.list();
    expect(await fido2Outcome(fido2.enroll(FAKE_DEVICE, pinBytes('0000'), () => undefined))).toBe('fido2-wrong-pin');
    expect(await fido2Outcome(fido2.enroll(FAKE_DEVICE, undefined, () => undefined))).toBe('fido2-pin-required');
    const removed = new HelperFido2(keys({ FAKE_FIDO2_REMOVED: '1' }));
    await removed.list();
    expect(await fido2Outcome(removed.enroll(FAKE_DEVICE, undefined, () => undefined))).toBe('fido2-device-removed');
  });

  it('stops a tool that prompts for a PIN it was not given: fido2-pin-required', async () => {
    const k = keys({ FAKE_FIDO2_PIN: '4321' });
    await k.list();
    const request = {
      deviceId: FAKE_DEVICE,
      rpId: 'io.systemd.cryptsetup',
      userName: 'u',
      userId: new Uint8Array(32),
      clientDataHash: new Uint8Array(32),
    };
    expect(await fido2Outcome(k.makeCredential(request))).toBe('fido2-pin-required');
  });

  it('never passes a device the listing did not name', async () => {
    const fido2 = new HelperFido2(keys());
    await fido2.list();
    expect(await fido2Outcome(fido2.enroll('-x', undefined, () => undefined))).toBe('fido2-no-device');
    expect(await fido2Outcome(fido2.enroll('/dev/sda', undefined, () => undefined))).toBe('fido2-no-device');
  });
});

describe('parsing', () => {
  it('reads fido2-token -L lines', () => {
    expect(
      parseTokenList(
        '/dev/hidraw0: vendor=0x1050, product=0x0407 (Yubico YubiKey OTP+FIDO+CCID)\n/dev/hidraw3: vendor=0x20a0, product=0x42b1 (Nitrokey Nitrokey 3)\n\n',
      ),
    ).toEqual([
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
