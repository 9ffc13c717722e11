// Frame-level faults of docs/protocol.md §2 over a real Unix socket: one `error` frame, then close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES } from '../../shared/protocol/frame-codec';
import { HelperClient } from '../test-support/helper-client';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';

function header(length: number): Uint8Array {
  const h = new Uint8Array(4);
  new DataView(h.buffer).setUint32(0, length);
  return h;
}

function frameOf(text: string | Uint8Array): Uint8Array {
  const body = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const out = new Uint8Array(4 + body.length);
  out.set(header(body.length));
  out.set(body, 4);
  return out;
}

const IDLE_MS = 400;

describe('frame faults', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ idleTimeoutMs: IDLE_MS });
  });
  afterAll(() => sb.dispose());

  async function faultFor(bytes: Uint8Array): Promise<unknown[]> {
    const { client } = await HelperClient.open(sb.helper.socketPath);
    client.sendRaw(bytes);
    const frames = [await client.next(), await client.next()];
    client.close();
    return frames;
  }

  it('frame-too-large: an announced length above the limit, answered before any body arrives', async () => {
    expect(await faultFor(header(MAX_FRAME_BYTES + 1))).toMatchObject([{ type: 'error', code: 'frame-too-large' }, { type: 'closed' }]);
    expect(await faultFor(header(0xffffffff))).toMatchObject([{ type: 'error', code: 'frame-too-large' }, { type: 'closed' }]);
  });

  it('frame-too-large: a zero length', async () => {
    expect(await faultFor(header(0))).toMatchObject([{ type: 'error', code: 'frame-too-large' }, { type: 'closed' }]);
  });

  it('bad-frame: not JSON, not UTF-8, not an object, no string type', async () => {
    for (const body of ['not json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), '[1,2]', '{"type":42}', '{"kind":"plan"}', 'null']) {
      expect(await faultFor(frameOf(body))).toMatchObject([{ type: 'error', code: 'bad-frame' }, { type: 'closed' }]);
    }
  });

  it('unknown-type: a well-formed frame of a type the helper does not take', async () => {
    const frames = await faultFor(frameOf('{"type":"hello"}'));
    expect(frames).toMatchObject([{ type: 'error', code: 'unknown-type' }, { type: 'closed' }]);
  });

  it('timeout: a connection that sends no complete frame is told and closed', async () => {
    // Measured from before the connection exists: the helper's clock cannot have started earlier,
    // however long hello took to arrive (a few ms of slack for the two clocks' granularity).
    const started = Date.now();
    const { client } = await HelperClient.open(sb.helper.socketPath);
    client.sendRaw(header(10)); // half a frame does not count
    expect(await client.next()).toMatchObject({ type: 'error', code: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(IDLE_MS - 5);
    expect(await client.next()).toEqual({ type: 'closed' });
  });

  it('answers what was sent before hello only after hello, a fault included', async () => {
    const early = await HelperClient.connect(sb.helper.socketPath);
    early.send({ type: 'attach', planId: '0'.repeat(64) });
    expect(await early.next()).toMatchObject({ type: 'hello' });
    expect(await early.next()).toMatchObject({ type: 'error', code: 'unknown-plan' });
    early.close();
    const rude = await HelperClient.connect(sb.helper.socketPath);
    rude.sendRaw(frameOf('not json'));
    expect(await rude.next()).toMatchObject({ type: 'hello' });
    expect(await rude.next()).toMatchObject({ type: 'error', code: 'bad-frame' });
    expect(await rude.next()).toEqual({ type: 'closed' });
  });

  it('a bad connection does not disturb a good one', async () => {
    const good = await HelperClient.open(sb.helper.socketPath);
    await faultFor(frameOf('garbage'));
    good.client.send({ type: 'attach', planId: '0'.repeat(64) });
    expect(await good.client.next()).toMatchObject({ type: 'error', code: 'unknown-plan' });
    good.client.close();
  });
});

describe('connection cap', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.dispose());

  it('serves 32 connections at once and closes the 33rd at accept', async () => {
    const open = await Promise.all(Array.from({ length: 32 }, () => HelperClient.open(sb.helper.socketPath)));
    const extra = await HelperClient.connect(sb.helper.socketPath);
    expect(await extra.next()).toEqual({ type: 'closed' });
    open[0]!.client.close();
    // The slot is free once the helper has seen the close; until then a newcomer is turned away.
    let again: Awaited<ReturnType<typeof HelperClient.open>> | null = null;
    for (let tries = 0; again === null && tries < 300; tries++) {
      again = await HelperClient.open(sb.helper.socketPath).catch(() => null);
      if (again === null) await new Promise((r) => setTimeout(r, 50));
    }
    expect(again?.hello.type).toBe('hello');
    again?.client.close();
    for (const o of open) o.client.close();
  });
});
