// Random and mutated bytes to the helper's socket: every connection gets `hello`, then only
// well-formed frames, and ends with an `error` before it is closed (or is still waiting when
// we hang up). The helper never dies, and a good connection alongside is served.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFrame } from '../../shared/protocol/frame-codec';
import { HelperClient, type Received } from '../test-support/helper-client';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';

const IDLE_MS = 250;

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

describe('socket fuzz', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ idleTimeoutMs: IDLE_MS });
  });
  afterAll(() => sb.dispose());

  const validFrames = [
    encodeFrame({ type: 'attach', planId: 'a'.repeat(64) }),
    encodeFrame({ type: 'retry', planId: 'b'.repeat(64) }),
    encodeFrame({ type: 'plan', envelope: { payloadType: 'x', payload: 'AAAA', signatures: [{ keyid: 'k', sig: 'AAAA' }] } }),
  ];
  const mutatedFrame = fc
    .tuple(fc.constantFrom(...validFrames), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.nat())
    .map(([frame, flips, cut]) => {
      const bytes = frame.slice();
      for (const [at, v] of flips) bytes[at % bytes.length] = v;
      return bytes.subarray(0, 1 + (cut % bytes.length));
    });
  const inputs = fc.sample(fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 300 }), mutatedFrame), { numRuns: 240, seed: 5219 });

  async function fuzzOne(bytes: Uint8Array): Promise<void> {
    const { client } = await HelperClient.open(sb.helper.socketPath);
    client.sendRaw(bytes);
    const seen: Received[] = [];
    for (;;) {
      // Generous: the helper closes within IDLE_MS, but a loaded 2-core machine can be slow to show it.
      const f = await client.next(IDLE_MS * 40);
      seen.push(f);
      if (f.type === 'closed') break;
    }
    const last = seen.at(-2);
    expect(last?.type).toBe('error');
  }

  it('answers random and mutated input with an error frame and a close, and keeps serving', async () => {
    const good = HelperClient.open(sb.helper.socketPath);
    await inBatches(inputs, 16, fuzzOne);
    const { client, hello } = await good;
    expect(hello.type).toBe('hello');
    client.close();
    const after = await HelperClient.open(sb.helper.socketPath);
    expect(after.hello.state).toEqual({ phase: 'fresh' });
    after.client.send({ type: 'attach', planId: 'c'.repeat(64) });
    expect(await after.client.next()).toMatchObject({ type: 'error', code: 'unknown-plan' });
    after.client.close();
  });

  it('keeps a good connection served while others send garbage at the same time', async () => {
    const noise = inBatches(inputs.slice(0, 60), 16, fuzzOne);
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    expect(hello.type).toBe('hello');
    client.close();
    await noise;
  });
});
