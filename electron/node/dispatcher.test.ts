// The dispatcher: unknown channels, bad requests, foreign senders and failing handlers all
// become typed errors; nothing ever throws, and no request value is echoed back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, IpcErrorSchema } from '../../shared/ipc/contract';
import { createDispatcher } from './dispatcher';
import type { Handlers } from './handlers';
import { IpcFailure } from './ipc-error';

const unexpected = async (): Promise<never> => {
  throw new Error('handler should not run');
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const all = Object.fromEntries(CHANNELS.map((c) => [c, unexpected])) as unknown as Handlers;
  return { ...all, ...overrides };
}

const trusted = createDispatcher<boolean>(
  handlers({
    'app.info': async () => ({ version: '1.0.0', runtime: 'preview', simulatedFido2: false, sandbox: true }),
    'fido2.enroll': async () => {
      throw new IpcFailure('fido2-wrong-pin', 'wrong PIN for this security key');
    },
    'wizardState.clear': async () => {
      // A third-party error whose message quotes its input.
      throw new SyntaxError('Unexpected token in JSON at position 3: "my secret passphrase"');
    },
    'log.export': async () => ({ path: 42 }) as unknown as { path: string },
  }),
  { isTrustedSender: (sender) => sender },
);

describe('dispatch', () => {
  it('answers a good request', async () => {
    expect(await trusted('app.info', {}, true)).toEqual({
      ok: true,
      value: { version: '1.0.0', runtime: 'preview', simulatedFido2: false, sandbox: true },
    });
  });

  it.each([['no.such.channel'], ['__proto__'], ['constructor'], ['toString'], [42], [null], [undefined], [{ channel: 'app.info' }]])(
    'refuses the channel %j with ipc-unknown-channel',
    async (channel) => {
      expect(await trusted(channel, {}, true)).toMatchObject({ ok: false, error: { code: 'ipc-unknown-channel' } });
    },
  );

  it.each([[null], ['text'], [[]], [{ extra: 1 }], [42]])('refuses the request %j for app.info with ipc-bad-request', async (request) => {
    const r = await trusted('app.info', request, true);
    expect(r).toMatchObject({ ok: false, error: { code: 'ipc-bad-request' } });
  });

  it('names the path of a bad field, never its value', async () => {
    const pin = '9'.repeat(300);
    const r = await trusted('fido2.enroll', { deviceId: 'sim:pin', pin }, true);
    expect(r).toMatchObject({ ok: false, error: { code: 'ipc-bad-request', details: [{ path: '/pin' }] } });
    expect(JSON.stringify(r)).not.toContain(pin);
    const secret = 'my passphrase of 5000 chars'.padEnd(5000, 'x');
    const long = await trusted(
      'install.start',
      { installId: 'AAAAAAAAAAAAAAAAAAAAAA', choices: {}, secrets: { passphrase: secret } },
      true,
    );
    expect(long.ok).toBe(false);
    expect(JSON.stringify(long)).not.toContain('my passphrase');
  });

  it('refuses a foreign sender before anything else', async () => {
    expect(await trusted('app.info', {}, false)).toMatchObject({ ok: false, error: { code: 'ipc-forbidden-sender' } });
    expect(await trusted('no.such.channel', {}, false)).toMatchObject({ ok: false, error: { code: 'ipc-forbidden-sender' } });
  });

  it('passes a typed failure through', async () => {
    expect(await trusted('fido2.enroll', { deviceId: 'sim:pin', pin: '1' }, true)).toEqual({
      ok: false,
      error: { code: 'fido2-wrong-pin', message: 'wrong PIN for this security key' },
    });
  });

  it('turns any other throw into ipc-internal without its message or stack', async () => {
    const r = await trusted('wizardState.clear', {}, true);
    expect(r).toEqual({ ok: false, error: { code: 'ipc-internal', message: 'internal error' } });
  });

  it('refuses to return a response that breaks the contract', async () => {
    expect(await trusted('log.export', { text: 'x' }, true)).toMatchObject({ ok: false, error: { code: 'ipc-internal' } });
  });

  it('never throws and always answers with a valid IpcResult, whatever it is given', async () => {
    const anyChannel = fc.oneof(fc.constantFrom(...CHANNELS), fc.string(), fc.anything());
    await fc.assert(
      fc.asyncProperty(anyChannel, fc.anything(), fc.boolean(), async (channel, request, sender) => {
        const r = await trusted(channel, request, sender);
        if (!r.ok) expect(IpcErrorSchema.safeParse(r.error).success).toBe(true);
        else expect(r).toHaveProperty('value');
      }),
      { numRuns: 300 },
    );
  });
});
