// Protocol minor versions, from the wizard's side, against the real helper: a helper that
// announces another minor is refused before anything is sent, with a typed error the wizard shows
// (helper-version-mismatch); the wizard marks every message with its own minor, which the helper
// checks in turn. The real helper speaks only this build's minor, so a helper of another minor is
// the real one whose `hello` the link changes to announce that minor.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_MINOR } from '../../../shared/protocol/minor';
import { makeTempDir } from '../../../shared-node/test-support/temp-dir';
import { startSandbox, type TestSandbox } from '../../../host/test-support/sandbox-helper';
import { code } from '../test-support/error-code';
import { HelperProxy } from '../test-support/helper-proxy';
import { unixTransport } from '../transport/unix-transport';
import { ask, openHelperSession } from './helper-client';

describe('protocol minor versions at the wizard', () => {
  const temp = makeTempDir();
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.dispose();
    temp.remove();
  });

  for (const minor of [PROTOCOL_MINOR - 1, PROTOCOL_MINOR + 1]) {
    it(`refuses a helper of minor ${minor} with helper-version-mismatch, and sends it nothing`, async () => {
      const proxy = await HelperProxy.start(path.join(temp.dir, `minor-${minor}_5219`), sandbox.helper.socketPath);
      try {
        proxy.rewriteHelperFrames((frame) => (frame.type === 'hello' ? { ...frame, minor } : frame));
        const opening = openHelperSession(unixTransport(proxy.path));
        expect(await code(opening)).toBe('helper-version-mismatch');
        await expect(opening).rejects.toThrow(`this wizard speaks protocol 1.${PROTOCOL_MINOR}, the helper 1.${minor}`);
        expect(proxy.fromHelper.map((f) => f.type)).toEqual(['hello']);
        expect(proxy.fromWizard).toEqual([]);
      } finally {
        proxy.close();
      }
    });
  }

  it('works with a helper of its own minor, which accepts what the wizard marks with it', async () => {
    expect(await ask(unixTransport(sandbox.helper.socketPath), { type: 'usb-drives' }, 'usb-drives')).toEqual({
      type: 'usb-drives',
      drives: [],
    });
  });
});
