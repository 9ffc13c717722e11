// The helper's footprint: resident memory when idle and while many connections sit open (each
// has read its hello, so each holds a session with its own HPKE key pair), and CPU time per
// hello from /proc/<pid>/stat over many sequential connect → hello → close sessions. The first
// hello probes the target (blkid -p; later ones reuse the answer until the target changes, ADR
// 060), so the CPU of the children the helper waited for is given too.
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { openHelperSession, type HelperSession } from '../../electron/node/helper/helper-client';
import { unixTransport } from '../../electron/node/transport/unix-transport';
import { cpuTimes, rssBytes } from './proc';
import type { HelperResult } from './results';
import { withFreshHelper, type HelperSetup } from './fresh-helper';
import { round } from './stats';

const SETTLE_MS = 1000;

/** Median of a few RSS readings a moment apart. */
async function settledRss(pid: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    readings.push(rssBytes(pid));
    await sleep(100);
  }
  return readings.sort((a, b) => a - b)[2]!;
}

export async function measureHelper(setup: HelperSetup, counts: { hellos: number; openConnections: number }): Promise<HelperResult> {
  return withFreshHelper(setup, 'footprint', async (helper) => {
    const socket = helper.ready.socket!;
    await sleep(SETTLE_MS);
    const idleRssBytes = await settledRss(helper.pid);

    const open: HelperSession[] = [];
    let openRssBytes: number;
    try {
      for (let i = 0; i < counts.openConnections; i++) open.push(await openHelperSession(unixTransport(socket)));
      await sleep(SETTLE_MS / 2);
      openRssBytes = await settledRss(helper.pid);
    } finally {
      for (const s of open) s.connection.close();
    }
    await sleep(SETTLE_MS / 2);

    const before = cpuTimes(helper.pid);
    const started = performance.now();
    for (let i = 0; i < counts.hellos; i++) (await openHelperSession(unixTransport(socket))).connection.close();
    const wallMs = performance.now() - started;
    await sleep(200); // let the last closes be handled
    const after = cpuTimes(helper.pid);
    return {
      idleRssBytes,
      openConnections: counts.openConnections,
      openRssBytes,
      hellos: counts.hellos,
      cpuPerHelloMs: { helper: round((after.selfMs - before.selfMs) / counts.hellos, 3), children: round((after.childrenMs - before.childrenMs) / counts.hellos, 3) },
      wallPerHelloMs: round(wallMs / counts.hellos, 3),
    };
  });
}
