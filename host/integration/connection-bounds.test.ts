// Connections are bounded (docs/protocol.md §2): in time, a connection that never follows a plan
// is closed after its lifetime however often it speaks; in memory, a connection holds at most
// MAX_QUEUED_BYTES of frames waiting to be handled; and a peer that has left costs no look at
// the target.
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeFrame, MAX_FRAME_BYTES } from '../../shared/protocol/frame-codec';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { memorySink } from '../log/logger';
import { eventually } from '../test-support/gated-executor';
import { gatedSandboxPerTest } from '../test-support/gated-sandbox';
import { HelperClient, type Received } from '../test-support/helper-client';
import { makePlan, newInstallId } from '../test-support/plan-maker';
import { startSandbox } from '../test-support/sandbox-helper';
import { PROTOCOL_MINOR } from '../../shared/protocol/minor';

const SECRETS = { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };
const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('connection bounds', () => {
  const t = gatedSandboxPerTest();

  it('closes a connection that keeps talking but never follows a plan, after its lifetime', async () => {
    const LIFETIME_MS = 1500;
    t.sb = await startSandbox({ connectionLifetimeMs: LIFETIME_MS });
    const started = Date.now();
    const { client } = await HelperClient.open(t.sb.helper.socketPath);
    // A small frame every 100 ms: the idle clock (30 s) never runs out.
    const chatter = setInterval(() => client.send({ type: 'attach', planId: 'a'.repeat(64) }), 100);
    const seen: Received[] = [];
    try {
      while (Date.now() - started < 30_000) {
        const f = await client.next();
        seen.push(f);
        if (f.type === 'closed') break;
      }
    } finally {
      clearInterval(chatter);
      client.close();
    }
    expect(seen.at(-1)).toEqual({ type: 'closed' });
    expect(seen.at(-2)).toMatchObject({ type: 'error', code: 'timeout', message: expect.stringMatching(/without following a plan/) });
    expect(seen.filter((f) => f.type === 'error' && f.code === 'unknown-plan').length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIFETIME_MS);
  });

  it('does not count the time a connection follows a plan', async () => {
    const LIFETIME_MS = 2000;
    t.sb = await startSandbox({ connectionLifetimeMs: LIFETIME_MS, slowSteps: [{ step: 'vm-definitions', ms: 2 * LIFETIME_MS }] });
    const { client, hello } = await HelperClient.open(t.sb.helper.socketPath);
    client.send((await makePlan({ hello, signer: t.sb.signer, installId: newInstallId(), secrets: SECRETS })).frame);
    const frames = await client.untilEnd();
    client.close();
    expect(frames[0]).toMatchObject({ type: 'accepted' });
    expect(frames.at(-1)).toMatchObject({ type: 'result', ok: true });
  });

  it('stops reading a connection whose frames pile up while a plan waits, and still answers each', async () => {
    t.sb = await startSandbox({ executor: t.exec });
    const { client, hello } = await HelperClient.open(t.sb.helper.socketPath);
    // The plan's admission probes the target and is held there: this connection is busy.
    t.exec.hold('blkid');
    const probes = t.exec.count('blkid');
    client.send((await makePlan({ hello, signer: t.sb.signer, installId: newInstallId(), secrets: SECRETS })).frame);
    expect(await eventually(() => t.exec.count('blkid') > probes)).toBe(true);

    // 16 frames of almost 1 MiB each, while the helper cannot handle any of them.
    const big = encodeFrame({ type: 'attach', planId: 'x'.repeat(MAX_FRAME_BYTES - 40), minor: PROTOCOL_MINOR });
    const frames = 16;
    for (let i = 0; i < frames; i++) client.sendRaw(big);
    const total = frames * big.length;
    // How much the helper took: wait until the flow stops, or it took everything.
    let taken = -1;
    for (let stable = 0; stable < 10 && taken !== total;) {
      await sleep(100);
      const now = total - client.socket.writableLength;
      stable = now === taken ? stable + 1 : 0;
      taken = now;
    }
    // At most the queue's limit, one frame over it, one frame being read, and the kernel's buffers.
    expect(taken).toBeLessThan(4 * MiB);

    // Nothing is lost: once the plan is admitted, every frame held back is answered.
    t.exec.release('blkid');
    const answers: Received[] = [];
    const refused = () => answers.filter((a) => a.type === 'error' && a.code === 'unknown-plan').length;
    while (refused() < frames && answers.at(-1)?.type !== 'closed') answers.push(await client.next(60_000));
    client.close();
    expect(answers[0]).toMatchObject({ type: 'accepted' });
    expect(refused()).toBe(frames);
  });

  it('does not look at the target for a peer that has already left', async () => {
    const log: string[] = [];
    t.exec.hold('blkid');
    t.sb = await startSandbox({ executor: t.exec, logSink: memorySink(log) });
    const gone = 20;
    for (let i = 0; i < gone; i++) connect(t.sb.helper.socketPath).destroy();
    const left = () => log.filter((l) => l.includes('"peer-left-before-hello"')).length;
    // Until each departure is noticed, or the helper starts a probe (for whom?).
    await eventually(() => left() === gone || t.exec.count('blkid') > 0);
    expect(t.exec.count('blkid')).toBe(0);
    expect(left()).toBe(gone);

    // Someone who stays is served, with one probe.
    t.exec.release('blkid');
    const { client, hello } = await HelperClient.open(t.sb.helper.socketPath);
    client.close();
    expect(hello.state).toEqual({ phase: 'fresh' });
    expect(t.exec.count('blkid')).toBe(1);
  });
});
