// Sealing and opening the secrets leave no copy of the plaintext bytes behind: the buffer HPKE
// decrypted into is overwritten once the secrets are parsed, whether they parse or not.
import { CipherSuite } from '@hpke/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateSealKeyPair, openSealed, sealSecrets } from './seal';

const SESSION = 'BBBBBBBBBBBBBBBBBBBBBA';
const NONCE = 'CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCA';

/** Records every plaintext buffer HPKE returns while `open` runs. */
function capturePlaintexts(): ArrayBuffer[] {
  const seen: ArrayBuffer[] = [];
  const original = CipherSuite.prototype.open;
  vi.spyOn(CipherSuite.prototype, 'open').mockImplementation(async function (this: CipherSuite, ...args: Parameters<CipherSuite['open']>) {
    const pt = await original.apply(this, args);
    seen.push(pt);
    return pt;
  });
  return seen;
}

describe('openSealed', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['well-formed secrets', { passphrase: 'a long enough passphrase' }, true],
    ['a plaintext that is not a secrets object', { passphrase: 'x', extra: 'field' }, false],
  ])('zeroes the plaintext after parsing %s', async (_name, secrets, parses) => {
    const keys = await generateSealKeyPair();
    const sealed = await sealSecrets(keys.publicKey, SESSION, NONCE, secrets as never);
    const seen = capturePlaintexts();
    const opened = await openSealed(keys.keyPair, SESSION, NONCE, sealed);
    expect(opened !== null).toBe(parses);
    if (parses) expect(opened).toEqual(secrets);
    expect(seen).toHaveLength(1);
    const bytes = new Uint8Array(seen[0]!);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.every((b) => b === 0)).toBe(true);
  });
});

describe('sealSecrets', () => {
  afterEach(() => vi.restoreAllMocks());

  it('overwrites the plaintext it handed to HPKE once sealed, and what it sealed still opens', async () => {
    const keys = await generateSealKeyPair();
    const handed: ArrayBuffer[] = [];
    const original = CipherSuite.prototype.seal;
    vi.spyOn(CipherSuite.prototype, 'seal').mockImplementation(async function (
      this: CipherSuite,
      ...args: Parameters<CipherSuite['seal']>
    ) {
      handed.push(args[1] as ArrayBuffer);
      return original.apply(this, args);
    });
    const sealed = await sealSecrets(keys.publicKey, SESSION, NONCE, { passphrase: 'a long enough passphrase' });
    expect(handed).toHaveLength(1);
    const bytes = new Uint8Array(handed[0]!);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.every((b) => b === 0)).toBe(true);
    vi.restoreAllMocks();
    expect(await openSealed(keys.keyPair, SESSION, NONCE, sealed)).toEqual({ passphrase: 'a long enough passphrase' });
  });
});
