// One wizard connection: framing (docs/protocol.md §2), its clocks, and dispatch of `plan`,
// `attach` and `retry` to the service. A frame-level fault gets one `error` frame and the
// connection closes; nothing that happens here can reach another connection or the plan being
// applied. The clocks measure only the peer's time (docs/decisions/060-hello-and-the-connection-clocks.md):
// the idle clock runs from the moment the helper's last frame has been handed to the kernel
// until the peer's next complete frame; the lifetime runs whenever no plan is being followed.
import type { Socket } from 'node:net';
import { FrameDecoder, encodeFrame, type FrameObject } from '../../shared/protocol/frame-codec';
import type { ProtocolErrorCode } from '../../shared/protocol/error-codes';
import { AttachSchema, RetrySchema, WIZARD_MESSAGE_TYPES, type HelperMessage } from '../../shared/protocol/messages';
import { PROTOCOL_MINOR, minorMismatch, minorOf } from '../../shared/protocol/minor';
import type { RunnerFrame, RunnerListener } from '../apply/plan-runner';
import type { Logger } from '../log/logger';
import type { FollowAnswer, ProvisioningService } from '../service/provisioning-service';
import { errorFrame, reject } from '../verify/rejection';
import { BudgetTimer } from './budget-timer';

export interface ConnectionOptions {
  readonly idleTimeoutMs: number;
  /** Time the connection may spend, in all, not following a plan. */
  readonly lifetimeMs: number;
  readonly log: Logger;
}

/** Frames waiting to be handled; at this many the socket is no longer read (backpressure). */
const MAX_QUEUED_FRAMES = 16;
/** Bytes of frames waiting to be handled; at this many the socket is no longer read. */
export const MAX_QUEUED_BYTES = 256 * 1024;
/** A reader this far behind is dropped rather than buffered without end. */
const MAX_UNSENT_BYTES = 8 * 1024 * 1024;
/** After the final `error` frame, how long the peer gets to read it before the socket is destroyed. */
const CLOSE_GRACE_MS = 2000;

interface Queued {
  readonly frame: FrameObject;
  readonly bytes: number;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class Connection {
  private readonly decoder = new FrameDecoder();
  /** Chunks read but not yet decoded: held until `hello` is out, and while the queue is full. */
  private readonly inbound: Buffer[] = [];
  private inboundBytes = 0;
  private readonly queue: Queued[] = [];
  private queuedBytes = 0;
  private handling = false;
  private helloSent = false;
  private closed = false;
  /** The peer has hung up (its end of the stream arrived). */
  private peerGone = false;
  private following: RunnerListener | null = null;
  /** Plan frames that arrive while `accepted` is still being prepared; sent right after it. */
  private early: RunnerFrame[] | null = null;
  /** Frames written but not yet handed to the kernel; the idle clock waits for them. */
  private writesInFlight = 0;
  private idleWanted = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly lifetime: BudgetTimer;
  private readonly log: Logger;

  constructor(
    private readonly socket: Socket,
    readonly id: number,
    private readonly service: ProvisioningService,
    private readonly options: ConnectionOptions,
  ) {
    this.log = options.log.with({ connection: id });
    this.lifetime = new BudgetTimer(options.lifetimeMs, () =>
      this.fail('timeout', `connection open for ${options.lifetimeMs} ms without following a plan`),
    );
  }

  /** Sends `hello`, then handles frames (those that came early, after it). */
  async begin(): Promise<void> {
    this.socket.on('error', (e) => this.log.debug('socket-error', { problem: (e as NodeJS.ErrnoException).code ?? e.message }));
    this.socket.on('end', () => (this.peerGone = true));
    this.socket.on('close', () => this.onClose());
    // Reading from the start is how a hang-up shows; frames wait in the queue until `hello` is out.
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    // A peer that hung up before it was accepted is seen within two turns of the event loop:
    // no session, no look at the target, for nobody.
    await nextTurn();
    await nextTurn();
    if (this.closed || this.peerGone) return this.log.debug('peer-left-before-hello');
    let hello;
    try {
      hello = await this.service.hello(this.id);
    } catch (e) {
      this.log.error('hello-failed', { problem: (e as Error).message });
      return this.fail('internal', 'the helper could not prepare hello');
    }
    if (this.closed) return this.service.connectionClosed(this.id); // the session just opened goes too
    this.send(hello);
    this.helloSent = true;
    this.lifetime.run();
    this.armIdle();
    this.decodeInbound();
    void this.pump();
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.inbound.push(chunk);
    this.inboundBytes += chunk.length;
    this.decodeInbound();
    void this.pump();
  }

  private queueFull(): boolean {
    return this.queue.length >= MAX_QUEUED_FRAMES || this.queuedBytes >= MAX_QUEUED_BYTES;
  }

  /**
   * Decodes held chunks while the queue has room; stops reading the socket while it has none.
   * Nothing is decoded before `hello` is out, so even a fault in the first bytes is answered
   * after `hello`.
   */
  private decodeInbound(): void {
    if (!this.helloSent) {
      if (this.inboundBytes >= MAX_QUEUED_BYTES) this.socket.pause();
      return;
    }
    while (!this.closed && this.inbound.length > 0 && !this.queueFull()) {
      const chunk = this.inbound.shift()!;
      this.inboundBytes -= chunk.length;
      for (const event of this.decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length))) {
        if (event.kind === 'fault') return this.fail(event.code, event.message);
        this.clearIdle(); // a complete frame: the peer is not silent
        this.queue.push({ frame: event.frame, bytes: event.bytes });
        this.queuedBytes += event.bytes;
      }
    }
    if (this.closed) return;
    if (this.inbound.length > 0 || this.queueFull()) this.socket.pause();
    else this.socket.resume();
  }

  private async pump(): Promise<void> {
    if (this.handling || !this.helloSent) return;
    this.handling = true;
    try {
      while (!this.closed && this.queue.length > 0) {
        const { frame, bytes } = this.queue.shift()!;
        this.queuedBytes -= bytes;
        this.decodeInbound();
        this.clearIdle();
        try {
          await this.dispatch(frame);
        } catch (e) {
          this.log.error('handler-failed', { type: frame.type.slice(0, 32), problem: (e as Error).message });
          this.send(errorFrame(reject('internal', 'the helper failed to handle this message')));
        }
      }
    } finally {
      this.handling = false;
      this.armIdle();
    }
  }

  private async dispatch(frame: FrameObject): Promise<void> {
    this.early = [];
    try {
      await this.route(frame);
    } finally {
      this.early = null;
    }
  }

  private async route(frame: FrameObject): Promise<void> {
    const known = (WIZARD_MESSAGE_TYPES as readonly string[]).includes(frame.type);
    const minor = minorOf(frame);
    // A wizard of another minor would send or expect what this helper does not: refuse it clearly.
    if (known && minor !== PROTOCOL_MINOR) return this.fail('version-mismatch', minorMismatch(PROTOCOL_MINOR, minor, 'wizard'));
    switch (frame.type) {
      case 'plan':
        return this.answer(await this.service.plan(frame, this.id, this.listener));
      case 'attach': {
        const parsed = AttachSchema.safeParse(frame);
        if (!parsed.success)
          return this.send(
            errorFrame(
              reject('unknown-plan', 'attach needs a planId (hex sha256)', [{ path: '/planId', problem: 'expected a hex sha256' }]),
            ),
          );
        return this.answer(this.service.attach(parsed.data.planId, this.listener));
      }
      case 'retry': {
        const parsed = RetrySchema.safeParse(frame);
        if (!parsed.success)
          return this.send(
            errorFrame(
              reject('unknown-plan', 'retry needs a planId (hex sha256)', [{ path: '/planId', problem: 'expected a hex sha256' }]),
            ),
          );
        return this.answer(this.service.retry(parsed.data.planId, this.listener));
      }
      case 'usb-drives':
        return this.send(await this.service.usbDrives());
      case 'fido2-devices':
        return this.send(await this.service.fido2.devices());
      case 'fido2-enroll':
        return this.send(await this.service.fido2.enroll(frame, this.id, (m) => this.send(m)));
      case 'fido2-verify':
        return this.send(await this.service.fido2.verify(frame, this.id, (m) => this.send(m)));
      default:
        return this.fail('unknown-type', `unknown message type "${frame.type.slice(0, 64)}"`);
    }
  }

  /** The frames of the plan this connection follows; after its `result` both clocks run again. */
  private readonly listener: RunnerListener = (frame: RunnerFrame) => {
    if (this.early) return void this.early.push(frame);
    this.send(frame);
    if (frame.type === 'result' && this.following) {
      this.following = null;
      if (!this.closed) this.lifetime.run();
      if (!this.handling) this.armIdle();
    }
  };

  private answer(answer: FollowAnswer): void {
    const early = this.early ?? [];
    this.early = null;
    if (answer.kind === 'error') return this.send(answer.frame);
    this.send(answer.accepted);
    if (answer.result) return this.send(answer.result);
    this.following = this.listener;
    this.lifetime.pause();
    for (const frame of early) this.listener(frame);
  }

  private send(message: HelperMessage): void {
    if (this.closed || this.socket.destroyed || !this.socket.writable) return;
    if (this.socket.writableLength > MAX_UNSENT_BYTES) {
      this.log.warn('reader-too-slow');
      return this.destroy();
    }
    let bytes: Uint8Array;
    try {
      bytes = encodeFrame(message);
    } catch (e) {
      this.log.error('frame-encode-failed', { type: message.type, problem: (e as Error).message });
      return this.destroy();
    }
    this.writesInFlight++;
    this.socket.write(bytes, () => {
      this.writesInFlight--;
      this.startIdleTimer();
    });
  }

  /** Frame-level fault or timeout: one `error` frame, then close. */
  private fail(code: ProtocolErrorCode, message: string): void {
    if (this.closed) return;
    this.log.info('connection-fault', { code });
    this.send(errorFrame(reject(code, message)));
    this.shutDown();
    this.socket.end();
    setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS).unref();
  }

  /** The peer's turn: the idle clock starts once all the helper said has left (see send). */
  private armIdle(): void {
    this.clearIdle();
    if (this.closed || this.following || this.handling || !this.helloSent) return;
    this.idleWanted = true;
    this.startIdleTimer();
  }

  private startIdleTimer(): void {
    if (!this.idleWanted || this.idleTimer || this.writesInFlight > 0 || this.closed) return;
    this.idleTimer = setTimeout(
      () => this.fail('timeout', `no complete frame for ${this.options.idleTimeoutMs} ms`),
      this.options.idleTimeoutMs,
    );
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    this.idleWanted = false;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private shutDown(): void {
    this.closed = true;
    this.clearIdle();
    this.lifetime.pause();
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.inbound.length = 0;
    this.inboundBytes = 0;
  }

  /** Closes without a word (helper shutdown, a reader that does not read). */
  destroy(): void {
    this.shutDown();
    this.socket.destroy();
  }

  private onClose(): void {
    this.shutDown();
    this.service.unsubscribe(this.listener);
    this.service.connectionClosed(this.id);
  }
}
