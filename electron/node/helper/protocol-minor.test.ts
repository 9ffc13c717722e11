// Protocol minor versions, from the wizard's side: a helper that announces another minor is
// refused before anything is sent, with a typed error the wizard shows (helper-version-mismatch);
// the wizard marks every message with its own minor, so a helper can refuse it in turn.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_MINOR } from '../../../shared/protocol/minor';
import { IpcFailure } from '../ipc-error';
import { FakeHelper } from '../test-support/fake-helper';
import { writeSigningKey } from '../test-support/signing-key';
import { makeTempDir } from '../../../shared-node/test-support/temp-dir';
import { unixTransport } from '../transport/unix-transport';
import { ask, openHelperSession } from './helper-client';

let temp: ReturnType<typeof makeTempDir>;
let helper: FakeHelper | null = null;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(async () => {
  await helper?.close();
  helper = null;
  temp.remove();
});

async function fakeHelper(minor: number): Promise<FakeHelper> {
  const { publicKey } = writeSigningKey(temp.dir);
  helper = await FakeHelper.start({ dir: temp.dir, trustedKey: publicKey, minor, usbDrives: [] });
  return helper;
}

const failure = async (p: Promise<unknown>): Promise<IpcFailure> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof IpcFailure) return e;
    throw e;
  }
  throw new Error('expected a failure');
};

describe('protocol minor versions at the wizard', () => {
  for (const minor of [PROTOCOL_MINOR - 1, PROTOCOL_MINOR + 1]) {
    it(`refuses a helper of minor ${minor} with helper-version-mismatch`, async () => {
      const h = await fakeHelper(minor);
      const e = await failure(openHelperSession(unixTransport(h.socketPath)));
      expect(e.code).toBe('helper-version-mismatch');
      expect(e.message).toContain(`this wizard speaks protocol 1.${PROTOCOL_MINOR}, the helper 1.${minor}`);
      expect(h.plans).toHaveLength(0);
    });
  }

  it('works with a helper of its own minor, and marks what it sends with that minor', async () => {
    const h = await fakeHelper(PROTOCOL_MINOR);
    expect(await ask(unixTransport(h.socketPath), { type: 'usb-drives' }, 'usb-drives')).toEqual({ type: 'usb-drives', drives: [] });
  });
});
