// Persistence: atomic, validated on load, and it never writes anything shaped like a secret.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../../shared/plan/recovery-key';
import { isIpcFailure } from '../ipc-error';
import { makeTempDir } from '../../../shared-node/test-support/temp-dir';
import { findSecret } from './secret-keys';
import { STATE_FILE_NAME, WizardStateStore } from './wizard-state-store';

let temp: ReturnType<typeof makeTempDir>;
let store: WizardStateStore;
beforeEach(() => {
  temp = makeTempDir();
  store = new WizardStateStore(path.join(temp.dir, 'state'));
});
afterEach(() => temp.remove());

const state = { version: 1 as const, data: { step: 'summary', locale: 'fi', choices: { profile: 'common', apps: ['browser'] } } };

describe('wizard state store', () => {
  it('round-trips a state, leaves no temporary file, and keeps the file private', async () => {
    expect(await store.load()).toBeNull();
    await store.save(state);
    expect(await store.load()).toEqual(state);
    expect(readdirSync(path.join(temp.dir, 'state'))).toEqual([STATE_FILE_NAME]);
    expect(statSync(store.file).mode & 0o077).toBe(0);
  });

  it('replaces the state whole', async () => {
    await store.save(state);
    await store.save({ version: 1, data: { step: 'welcome' } });
    expect(await store.load()).toEqual({ version: 1, data: { step: 'welcome' } });
  });

  it.each([['not json {'], ['null'], ['[]'], ['{"version":0,"data":{}}'], ['{"version":1}'], ['']])(
    'loads a corrupt file (%j) as null',
    async (text) => {
      mkdirSync(path.dirname(store.file), { recursive: true });
      writeFileSync(store.file, text);
      expect(await store.load()).toBeNull();
    },
  );

  it('loads as null a file that holds a secret-named field (written by something else)', async () => {
    mkdirSync(path.dirname(store.file), { recursive: true });
    writeFileSync(store.file, JSON.stringify({ version: 1, data: { a: { pin: '1234' } } }));
    expect(await store.load()).toBeNull();
  });

  const secretStates: [string, unknown][] = [
    ['passphrase', { passphrase: 'correct horse battery staple' }],
    ['pin, nested in an array', { keys: [{ device: 'x', pin: '123456' }] }],
    ['recoveryKey', { encryption: { recoveryKey: 'x' } }],
    ['recovery_key spelled differently', { Recovery_Key: 'x' }],
    ['secret', { deep: { deeper: { secret: 'x' } } }],
    ['fido2Secret', { fido2Secret: 'x' }],
    ['a value shaped like a recovery key', { note: formatRecoveryKey(new Uint8Array(32).fill(9)) }],
  ];
  it.each(secretStates)('refuses to persist %s, and writes nothing', async (_what, data) => {
    await store.save(state);
    const before = readFileSync(store.file, 'utf8');
    let error: unknown;
    try {
      await store.save({ version: 1, data: data as Record<string, unknown> });
    } catch (e) {
      error = e;
    }
    expect(isIpcFailure(error) && error.code).toBe('ipc-bad-request');
    expect(JSON.stringify((error as { details?: unknown }).details)).not.toMatch(/correct horse|123456|vvvv/);
    expect(readFileSync(store.file, 'utf8')).toBe(before);
    expect(readdirSync(path.join(temp.dir, 'state'))).toEqual([STATE_FILE_NAME]);
  });

  it('clears', async () => {
    expect(await store.clear()).toBe(false);
    await store.save(state);
    expect(await store.clear()).toBe(true);
    expect(existsSync(store.file)).toBe(false);
  });

  it('reports where a secret is, by JSON pointer', () => {
    expect(findSecret({ a: [{ b: { pin: '1' } }] })).toEqual({ path: '/a/0/b/pin', problem: 'a field named like a secret' });
    expect(findSecret({ pinned: true, spinner: 'x', secretary: 'y' })).toBeNull();
  });
});
