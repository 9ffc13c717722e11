// The unlock's order and its waits, in-process: the delay after each wrong try grows (and is
// only waited through the injected sleep), the prompt comes once, and FIDO2 and the USB key are
// tried before it. The volume here is a model that opens with one key; the real volume is in
// host/integration/unlock-*.test.ts.
import { describe, expect, it } from 'vitest';
import type { Luks2Metadata } from '../luks/luks-tokens';
import type { SecurityKeys } from '../fido2/security-keys';
import type { StickFiles } from '../usb/stick-files';
import type { StickSource } from '../usb/sticks';
import { delayAfter } from './attempts';
import { LineConsole } from './console';
import { runUnlock, type UnlockDeps } from './unlock-flow';
import type { VolumeOpener } from './volume-opener';
import { PassThrough } from 'node:stream';

const KEY = 'the right passphrase';

function meta(tokens: Luks2Metadata['tokens']): Luks2Metadata {
  return { keyslots: { '0': { type: 'luks2', kdf: { type: 'argon2id' } }, '1': { type: 'luks2', kdf: { type: 'pbkdf2' } } }, tokens };
}
const FIRSTBOOT = { type: 'spectrum-firstboot', keyslots: [], installId: 'x', planId: 'a'.repeat(64), completedAt: '2026-01-01T00:00:00Z' };
const KEYBOARD = { type: 'spectrum-keyboard', keyslots: [], xkbLayout: 'de', xkbVariant: '', keymap: 'de', locale: 'en' };

function harness(answers: string[], tokens: Luks2Metadata['tokens'] = { '0': FIRSTBOOT, '3': KEYBOARD }, extra: Partial<UnlockDeps> = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString('utf8')));
  input.end(answers.map((a) => `${a}\n`).join(''));
  const slept: number[] = [];
  const tried: string[] = [];
  const opener: VolumeOpener = {
    testOnly: true,
    isOpen: async () => false,
    async tryKey(key, slot) {
      tried.push(`${Buffer.from(key).toString('utf8')}@${slot ?? '*'}`);
      return Buffer.from(key).toString('utf8') === KEY && slot === '0' ? 'opened' : 'wrong';
    },
    mount: async () => '/media/x',
    importVms: async () => 'imported',
  };
  const noSticks: StickSource = { list: async () => [] };
  const noFiles: StickFiles = { read: async () => null, write: async () => undefined };
  const keymaps: string[] = [];
  const deps: UnlockDeps = {
    console: new LineConsole(input, output),
    locate: async () => ({ kind: 'provisioned', device: '/dev/x', meta: meta(tokens), installId: 'x' }),
    opener: () => opener,
    keymap: { apply: async (k) => (keymaps.push(k), { command: `loadkeys -q -- ${k}`, ran: true, ok: true }) },
    securityKeys: null,
    sticks: noSticks,
    stickFiles: noFiles,
    sleep: async (ms) => void slept.push(ms),
    attempts: 5,
    delayMs: (n) => delayAfter(n, 2000),
    ...extra,
  };
  return { deps, slept, tried, keymaps, printed: () => printed };
}

describe('the unlock flow', () => {
  it('waits longer after each wrong try, through the injected sleep only', async () => {
    const h = harness(['a', 'b', 'c', 'd', KEY]);
    const started = Date.now();
    expect(await runUnlock(h.deps)).toBe('opened');
    expect(h.slept).toEqual([2000, 4000, 8000, 16000]);
    expect(Date.now() - started).toBeLessThan(2000); // nothing really waited
    expect(h.printed()).toContain('Wait 16 seconds…');
  });

  it('does not wait after the last allowed try; it gives up', async () => {
    const h = harness(['a', 'b', 'c', 'd', 'e', KEY]);
    expect(await runUnlock(h.deps)).toBe('locked');
    expect(h.slept).toEqual([2000, 4000, 8000, 16000]);
    expect(h.tried.map((t) => t.split('@')[0])).not.toContain(KEY);
  });

  it('caps the wait', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => delayAfter(n, 2000))).toEqual([2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(delayAfter(3, 0)).toBe(0);
  });

  it('loads the recorded keymap before the prompt', async () => {
    const h = harness([KEY]);
    await runUnlock(h.deps);
    expect(h.keymaps).toEqual(['de']);
    expect(h.printed().indexOf('Keyboard layout: de')).toBeLessThan(h.printed().indexOf('Passphrase:'));
  });

  it('tries the security key and the USB stick before the prompt, and falls through when both are absent', async () => {
    const order: string[] = [];
    const keys: SecurityKeys = {
      list: async () => (order.push('fido2'), { keys: [], toolsMissing: false }),
      makeCredential: async () => ({ credentialId: new Uint8Array() }),
      hmacSecret: async () => new Uint8Array(32),
      holdsCredential: async () => true,
    };
    const sticks: StickSource = { list: async () => (order.push('usb'), []) };
    const fido2 = { type: 'systemd-fido2', keyslots: ['2'], 'fido2-credential': 'AAAA', 'fido2-salt': 'AAAA' };
    const usb = { type: 'spectrum-usb-key', keyslots: ['3'], fsUuid: '26A1-B09E', fsType: 'vfat', path: 'spectrum-unlock/a.key' };
    const h = harness([KEY], { '0': FIRSTBOOT, '1': fido2, '4': usb, '3': KEYBOARD }, { securityKeys: keys, sticks });
    expect(await runUnlock(h.deps)).toBe('opened');
    expect(order).toEqual(['fido2', 'usb']);
    const text = h.printed();
    expect(text.indexOf('No security key is plugged in.')).toBeLessThan(text.indexOf('The USB stick with the key is not plugged in.'));
    expect(text.indexOf('The USB stick with the key is not plugged in.')).toBeLessThan(text.indexOf('Passphrase:'));
  });
});
