// One plan round trip as the wizard's main process makes it (install-service.ts), timed in
// phases: connect and read a fresh hello; build the plan, seal its secrets to hello's key and
// sign it; send it and read `accepted`. The code is the wizard's own: its Unix transport, frame
// connection, plan builder, sealer and signer.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openHelperSession, request } from '../../electron/node/helper/helper-client';
import { buildSignedPlan } from '../../electron/node/install/signed-plan';
import type { Signer } from '../../electron/node/signing/signer';
import { unixTransport } from '../../electron/node/transport/unix-transport';
import type { Choices } from '../../shared/ipc/contract';
import { formatRecoveryKey, RECOVERY_KEY_BYTES } from '../../shared/plan/recovery-key';
import { encodeFrame } from '../../shared/protocol/frame-codec';
import { base64url } from '../../shared/util/bytes';
import { schedTimes } from './proc';

/** What a person who picks Common with three apps and a passphrase sends. */
export const BENCH_CHOICES: Choices = {
  locale: 'en',
  keyboard: { layout: 'us', variant: '' },
  accessibility: { highContrast: false, largeText: false, reduceMotion: false, screenReader: false },
  profile: 'common',
  apps: ['browser', 'editor', 'terminal'],
  encryption: { method: 'passphrase', recoveryKey: true },
};

export interface Exchange {
  /** connect → hello read and validated. */
  readonly connectHelloMs: number;
  /** build + seal + sign. */
  readonly buildMs: number;
  /** plan written → accepted read and validated. */
  readonly exchangeMs: number;
  /** Frame sizes, header included. */
  readonly bytes: { readonly hello: number; readonly plan: number; readonly accepted: number };
  /** The helper's threads during plan written → accepted read: on a CPU, and ready but waiting for one. */
  readonly helper: { readonly cpuMs: number; readonly waitMs: number };
}

/** Opens a session and closes it, as the wizard's helper.info does at start-up. */
export async function helloOnly(socketPath: string): Promise<void> {
  const session = await openHelperSession(unixTransport(socketPath));
  session.connection.close();
}

export async function planExchange(socketPath: string, signer: Signer, helperPid: number): Promise<Exchange> {
  const secrets = { passphrase: 'correct horse battery staple', recoveryKey: formatRecoveryKey(randomBytes(RECOVERY_KEY_BYTES)) };
  const installId = base64url.encode(randomBytes(16));
  const t0 = performance.now();
  const session = await openHelperSession(unixTransport(socketPath));
  const t1 = performance.now();
  try {
    const plan = await buildSignedPlan({ choices: BENCH_CHOICES, installId, hello: session.hello, secrets, fido2: null, createdAt: new Date() }, signer);
    const t1b = performance.now();
    const message = { type: 'plan', envelope: plan.envelope } as const;
    const before = schedTimes(helperPid);
    const t2 = performance.now();
    const answer = await request(session, message);
    const t3 = performance.now();
    const after = schedTimes(helperPid);
    if (answer.type !== 'accepted' || answer.planId !== plan.planId) throw new Error(`the helper answered ${answer.type}, not accepted for this plan`);
    return {
      connectHelloMs: t1 - t0,
      buildMs: t1b - t1,
      exchangeMs: t3 - t2,
      bytes: { hello: encodeFrame(session.hello).length, plan: encodeFrame(message).length, accepted: encodeFrame(answer).length },
      helper: { cpuMs: after.runMs - before.runMs, waitMs: after.waitMs - before.waitMs },
    };
  } finally {
    session.connection.close();
  }
}
