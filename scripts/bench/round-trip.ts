// Plan round trips against the real helper over its real Unix socket, next to the echo floor.
//
// A helper accepts one plan per life: once accepted it applies it (one at a time; a provisioned
// machine refuses more). So each measured run gets a helper of its own, freshly started on a
// fresh sandbox with --fast-kdf (not timed), which first answers one hello-only connection (as
// the wizard's helper.info does at start-up) and then the measured session: a new connection,
// its hello, the plan, `accepted`. The helper is then stopped (its process group is killed,
// ending the luksFormat it has begun) before the next run. Each run is followed by one floor
// exchange of the same byte counts with a bare Node server, so both share the machine's state.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadSigner } from '../../electron/node/signing/signer';
import { startNode } from './children';
import { floorExchange, paddingFrame, type FloorExchange } from './echo-floor';
import { withFreshHelper, type HelperSetup } from './fresh-helper';
import { helloOnly, planExchange, type Exchange } from './plan-client';
import type { RoundTripResult } from './results';
import { round, roundSummary, summarize } from './stats';

async function oneRun(setup: HelperSetup, i: number): Promise<Exchange> {
  return withFreshHelper(setup, `rt-${i}`, async (helper) => {
    const socket = helper.ready.socket!;
    const signer = loadSigner(helper.ready.signingKey!);
    await helloOnly(socket);
    return planExchange(socket, signer, helper.pid);
  });
}

export async function measureRoundTrip(setup: HelperSetup, runs: number): Promise<RoundTripResult> {
  mkdirSync(setup.workDir, { recursive: true });
  // One run, not counted, learns the frame sizes for the echo server.
  const calibration = await oneRun(setup, 0);
  const { bytes } = calibration;
  const echoSocket = path.join(setup.workDir, 'echo.sock');
  const echo = await startNode(setup.echoScript, [echoSocket, String(bytes.hello), String(bytes.accepted)], 'echo server');
  const sizes = { hello: bytes.hello, plan: paddingFrame(bytes.plan), accepted: bytes.accepted };
  const exchanges: Exchange[] = [];
  const floors: FloorExchange[] = [];
  try {
    await floorExchange(echoSocket, sizes); // the echo server's first connection, not counted
    for (let i = 1; i <= runs; i++) {
      exchanges.push(await oneRun(setup, i));
      floors.push(await floorExchange(echoSocket, sizes));
    }
  } finally {
    await echo.stop();
  }
  const roundTrip = summarize(exchanges.map((e) => e.buildMs + e.exchangeMs));
  const floor = summarize(floors.map((f) => f.exchangeMs));
  return {
    runs,
    bytes,
    roundTrip: roundSummary(roundTrip, 3),
    connectHello: roundSummary(summarize(exchanges.map((e) => e.connectHelloMs)), 3),
    build: roundSummary(summarize(exchanges.map((e) => e.buildMs)), 3),
    exchange: roundSummary(summarize(exchanges.map((e) => e.exchangeMs)), 3),
    floor: roundSummary(floor, 3),
    floorConnectHello: roundSummary(summarize(floors.map((f) => f.connectHelloMs)), 3),
    helperCpu: roundSummary(summarize(exchanges.map((e) => e.helper.cpuMs)), 3),
    helperWait: roundSummary(summarize(exchanges.map((e) => e.helper.waitMs)), 3),
    ratioP99: round(roundTrip.p99 / floor.p99, 1),
  };
}
