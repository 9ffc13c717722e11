// Protocol minor versions, from the helper's side: `hello` announces its minor, and a wizard of
// another minor (or one from before minors, which sends none) is refused with a clear
// `version-mismatch` error and the connection closes, instead of meeting messages it cannot read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_MINOR } from '../../shared/protocol/minor';
import { HelperClient } from '../test-support/helper-client';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';

describe('protocol minor versions at the helper', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.dispose());

  it('hello announces the helper minor', async () => {
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    client.close();
    expect(hello.minor).toBe(PROTOCOL_MINOR);
  });

  for (const [what, minor] of [
    ['an older wizard', PROTOCOL_MINOR - 1],
    ['a newer wizard', PROTOCOL_MINOR + 1],
    ['a wizard from before minors', undefined],
  ] as const) {
    it(`refuses ${what} with version-mismatch, then closes`, async () => {
      const { client } = await HelperClient.open(sb.helper.socketPath);
      client.send(minor === undefined ? { type: 'usb-drives', minor: null } : { type: 'attach', planId: 'a'.repeat(64), minor });
      const error = await client.next();
      expect(error).toMatchObject({ type: 'error', code: 'version-mismatch' });
      if (error.type !== 'error') throw new Error('unreachable');
      expect(error.message).toContain(`the wizard 1.${minor ?? 0}`);
      expect(error.message).toContain(`helper speaks protocol 1.${PROTOCOL_MINOR}`);
      expect(await client.next()).toEqual({ type: 'closed' });
    });
  }

  it('answers a wizard of its own minor', async () => {
    const { client } = await HelperClient.open(sb.helper.socketPath);
    client.send({ type: 'usb-drives' });
    expect(await client.next()).toEqual({ type: 'usb-drives', drives: [] });
    client.close();
  });
});
