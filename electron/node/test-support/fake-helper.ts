// A small stand-in for the host helper, for the wizard's tests: a real Unix socket speaking the
// frame protocol (docs/protocol.md) with real verification (DSSE signature, session, nonce, plan
// rules) and real HPKE sealing, and a plan that applies on timers regardless of connections,
// so dropping and re-attaching can be tested. Not a model of LUKS or VMs.
import { createHash, randomBytes, verify, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Catalog } from '../../../shared/plan/catalog';
import { PLAN_PAYLOAD_TYPE, validatePlan, type PlanPayload } from '../../../shared/plan/plan-schema';
import { STEP_IDS, type StepId } from '../../../shared/plan/steps';
import { pae } from '../../../shared/protocol/dsse';
import { FrameDecoder, encodeFrame, type FrameObject } from '../../../shared/protocol/frame-codec';
import {
  SEAL_SUITE,
  WizardMessageSchema,
  type Envelope,
  type ErrorFrame,
  type HelperState,
  type StepStatus,
} from '../../../shared/protocol/messages';
import { generateSealKeyPair, openSealed, type SealKeyPair, type SealedSecrets } from '../../../shared/protocol/seal';
import { keyIdOf } from '../../../shared-node/crypto/ed25519';
import { PROTOCOL_MINOR, minorOf } from '../../../shared/protocol/minor';
import type { UsbDrive } from '../../../shared/protocol/usb-messages';

export const FAKE_CATALOG: Catalog = [
  { id: 'netvm', name: 'Network', sizeBytes: 100_000_000, kind: 'system' },
  { id: 'guivm', name: 'Desktop', sizeBytes: 200_000_000, kind: 'system' },
  { id: 'usbvm', name: 'USB', sizeBytes: 100_000_000, kind: 'system' },
  { id: 'browser', name: 'Web browser', sizeBytes: 700_000_000, kind: 'app' },
  { id: 'editor', name: 'Text editor', sizeBytes: 300_000_000, kind: 'app' },
  { id: 'terminal', name: 'Terminal', sizeBytes: 200_000_000, kind: 'app' },
  { id: 'mail', name: 'Mail', sizeBytes: 400_000_000, kind: 'app' },
  { id: 'nixos', name: 'NixOS', sizeBytes: 2_000_000_000, kind: 'app' },
];

export interface ReceivedPlan {
  readonly envelope: Envelope;
  readonly payload: PlanPayload;
  /** Opened from `sealed`: tests compare it, nothing prints it. */
  readonly secrets: SealedSecrets;
}

export interface FakeHelperOptions {
  readonly dir: string;
  readonly trustedKey: KeyObject;
  readonly stepMs?: number;
  /** Answer the next plan with this error instead of verifying it. */
  readonly rejectPlan?: ErrorFrame;
  /** This step fails (retryable) on its first run. */
  readonly failStep?: StepId;
  /** Close the connection that sent the plan after this many progress frames. */
  readonly dropAfterProgress?: number;
  /** How to drop it: just close (default), or send `error timeout` first (a recycled connection). */
  readonly dropWith?: 'close' | 'timeout-error';
  /** `hello.state` says the helper cannot use the target now. */
  readonly targetUnavailable?: 'target-busy' | 'target-unreadable';
  /** The minor version this helper announces and expects (default: this build's). */
  readonly minor?: number;
  /** What `usb-drives` answers. */
  readonly usbDrives?: readonly UsbDrive[];
}

interface Applying {
  readonly planId: string;
  readonly steps: StepStatus[];
  index: number;
  phase: 'applying' | 'failed' | 'provisioned';
  readonly envelope: Envelope;
  readonly installId: string;
  failed: boolean;
}

interface Session {
  readonly session: string;
  readonly nonce: string;
  readonly seal: SealKeyPair;
}

export class FakeHelper {
  readonly socketPath: string;
  readonly plans: ReceivedPlan[] = [];
  readonly attaches: string[] = [];
  readonly retries: string[] = [];
  connections = 0;
  private server: net.Server | null = null;
  private plan: Applying | null = null;
  private followers = new Set<net.Socket>();
  private sockets = new Set<net.Socket>();
  private timer: NodeJS.Timeout | null = null;

  private constructor(private readonly options: FakeHelperOptions) {
    // The hybrid-vsock name the real helper listens on (docs/protocol.md §10.2).
    this.socketPath = path.join(options.dir, 'vsock_5219');
  }

  static async start(options: FakeHelperOptions): Promise<FakeHelper> {
    const helper = new FakeHelper(options);
    await helper.listen();
    return helper;
  }

  /** Starts listening (again, after stopListening: a helper restart). */
  async listen(): Promise<void> {
    await fs.rm(this.socketPath, { force: true });
    this.server = net.createServer((socket) => void this.accept(socket));
    await new Promise<void>((resolve) => this.server!.listen(this.socketPath, resolve));
  }

  /** Stops listening and drops every connection; the plan carries on (a helper gone away). */
  async stopListening(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.stopListening();
  }

  get state(): HelperState {
    if (this.options.targetUnavailable) return { phase: 'unavailable', reason: this.options.targetUnavailable };
    if (!this.plan) return { phase: 'fresh' };
    return { phase: this.plan.phase, planId: this.plan.planId, steps: this.plan.steps.map((s) => ({ ...s })) };
  }

  private async accept(socket: net.Socket): Promise<void> {
    this.connections++;
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.followers.delete(socket);
    });
    socket.on('error', () => socket.destroy());
    const seal = await generateSealKeyPair();
    const session: Session = { session: b64url(16), nonce: b64url(32), seal };
    const decoder = new FrameDecoder();
    let handled = false;
    socket.on('data', (chunk: Buffer) => {
      for (const event of decoder.push(new Uint8Array(chunk))) {
        if (event.kind === 'fault') return this.fail(socket, 'bad-frame', event.message);
        if (handled) return this.fail(socket, 'unknown-type', 'one request per connection');
        handled = true;
        void this.handle(socket, session, event.frame);
      }
    });
    send(socket, {
      type: 'hello',
      protocol: 1,
      minor: this.options.minor ?? PROTOCOL_MINOR,
      helper: 'fake-helper/1',
      session: session.session,
      nonce: session.nonce,
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
      seal: { suite: SEAL_SUITE, publicKey: seal.publicKey },
      machine: { userDataBytes: 64_000_000_000, memoryBytes: 8_000_000_000 },
      catalog: FAKE_CATALOG,
      state: this.state,
    });
  }

  private async handle(socket: net.Socket, session: Session, frame: FrameObject): Promise<void> {
    const parsed = WizardMessageSchema.safeParse(frame);
    if (!parsed.success) return this.fail(socket, 'unknown-type', 'not a wizard message');
    const message = parsed.data;
    const minor = this.options.minor ?? PROTOCOL_MINOR;
    if (minorOf(frame) !== minor)
      return this.fail(socket, 'version-mismatch', `this helper speaks protocol 1.${minor}, the wizard 1.${minorOf(frame)}`);
    if (message.type === 'usb-drives') return send(socket, { type: 'usb-drives', drives: [...(this.options.usbDrives ?? [])] });
    if (message.type === 'attach' || message.type === 'retry') {
      (message.type === 'attach' ? this.attaches : this.retries).push(message.planId);
      if (!this.plan || this.plan.planId !== message.planId) return this.fail(socket, 'unknown-plan', 'no such plan');
      if (message.type === 'retry') {
        if (this.plan.phase !== 'failed') return this.fail(socket, 'busy', 'the plan has not failed');
        this.plan.phase = 'applying';
        this.schedule();
      }
      send(socket, { type: 'accepted', planId: this.plan.planId, steps: this.state.phase === 'fresh' ? [] : this.plan.steps });
      if (this.plan.phase === 'applying') this.followers.add(socket);
      else send(socket, this.resultFrame());
      return;
    }
    if (message.type !== 'plan') return this.fail(socket, 'unknown-type', `the fake helper does not serve ${message.type}`);
    if (this.options.rejectPlan)
      return this.fail(socket, this.options.rejectPlan.code, this.options.rejectPlan.message, this.options.rejectPlan.details);
    const verified = await this.verifyPlan(session, message.envelope);
    if ('code' in verified) return this.fail(socket, verified.code, verified.message);
    if (this.plan && this.plan.phase !== 'provisioned') return this.fail(socket, 'busy', 'a plan is applying');
    this.plans.push(verified);
    const planId = createHash('sha256').update(Buffer.from(message.envelope.payload, 'base64')).digest('hex');
    this.plan = {
      planId,
      steps: STEP_IDS.map((id) => ({ id, state: 'pending' })),
      index: 0,
      phase: 'applying',
      envelope: message.envelope,
      installId: verified.payload.installId,
      failed: false,
    };
    send(socket, { type: 'accepted', planId, steps: this.plan.steps });
    this.followers.add(socket);
    if (this.options.dropAfterProgress !== undefined) {
      let sent = 0;
      const write = socket.write.bind(socket);
      socket.write = ((chunk: Uint8Array, cb?: () => void) => {
        if (++sent > this.options.dropAfterProgress! + 1) {
          socket.write = write;
          if (this.options.dropWith === 'timeout-error') this.fail(socket, 'timeout', 'no complete frame for 30000 ms');
          else socket.destroy();
          this.followers.delete(socket);
          return false;
        }
        return write(chunk, cb);
      }) as typeof socket.write;
    }
    this.schedule();
  }

  private async verifyPlan(session: Session, envelope: Envelope): Promise<ReceivedPlan | { code: ErrorFrame['code']; message: string }> {
    if (envelope.payloadType !== PLAN_PAYLOAD_TYPE) return { code: 'bad-payload-type', message: 'wrong payload type' };
    const body = Buffer.from(envelope.payload, 'base64');
    const keyId = keyIdOf(this.options.trustedKey);
    const signature = envelope.signatures.find((s) => s.keyid === keyId);
    if (!signature || !verify(null, pae(envelope.payloadType, body), this.options.trustedKey, Buffer.from(signature.sig, 'base64'))) {
      return { code: 'bad-signature', message: 'signature does not verify' };
    }
    const check = validatePlan(JSON.parse(body.toString('utf8')), FAKE_CATALOG, 64_000_000_000);
    if (!check.ok) return { code: check.code, message: 'plan refused' };
    if (check.plan.session !== session.session || check.plan.nonce !== session.nonce)
      return { code: 'unknown-session', message: 'wrong session' };
    const secrets = await openSealed(session.seal.keyPair, session.session, session.nonce, check.plan.encryption.sealed);
    if (!secrets) return { code: 'bad-seal', message: 'seal does not open' };
    return { envelope, payload: check.plan, secrets };
  }

  /** Runs the next step after stepMs: running, then done (or failed), then the next. */
  private schedule(): void {
    const plan = this.plan!;
    this.timer = setTimeout(() => {
      const step = plan.steps[plan.index]!;
      step.state = 'running';
      this.broadcast({
        type: 'progress',
        planId: plan.planId,
        step: step.id,
        state: 'running',
        index: plan.index + 1,
        total: plan.steps.length,
        elapsedMs: 0,
      });
      if (this.options.failStep === step.id && !plan.failed) {
        plan.failed = true;
        step.state = 'failed';
        plan.phase = 'failed';
        this.broadcast(this.resultFrame());
        return;
      }
      step.state = 'done';
      this.broadcast({
        type: 'progress',
        planId: plan.planId,
        step: step.id,
        state: 'done',
        index: plan.index + 1,
        total: plan.steps.length,
        elapsedMs: 1,
      });
      plan.index++;
      if (plan.index < plan.steps.length) return this.schedule();
      plan.phase = 'provisioned';
      this.broadcast(this.resultFrame());
    }, this.options.stepMs ?? 5);
  }

  private resultFrame(): FrameObject {
    const plan = this.plan!;
    if (plan.phase === 'failed') {
      const step = plan.steps[plan.index]!;
      return { type: 'result', planId: plan.planId, ok: false, step: step.id, code: 'io', message: 'injected failure', retryable: true };
    }
    return {
      type: 'result',
      planId: plan.planId,
      ok: true,
      receipt: {
        planId: plan.planId,
        installId: plan.installId,
        keyId: 'fake',
        helper: 'fake-helper/1',
        completedAt: new Date().toISOString(),
        mount: '/media/fake',
        steps: plan.steps,
        envelope: plan.envelope,
      },
    };
  }

  private broadcast(frame: FrameObject): void {
    for (const socket of this.followers) send(socket, frame);
    if (frame.type === 'result') {
      for (const socket of this.followers) socket.end();
      this.followers.clear();
    }
  }

  private fail(socket: net.Socket, code: string, message: string, details?: ErrorFrame['details']): void {
    send(socket, details ? { type: 'error', code, message, details } : { type: 'error', code, message });
    socket.end();
  }
}

function send(socket: net.Socket, frame: FrameObject): void {
  if (!socket.destroyed) socket.write(encodeFrame(frame));
}

const b64url = (n: number) => randomBytes(n).toString('base64url');
