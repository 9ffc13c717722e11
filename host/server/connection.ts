// One wizard connection: framing (§2), the idle timeout, and dispatch of `plan`, `attach` and
// `retry` to the service. A frame-level fault gets one `error` frame and the connection closes;
// nothing that happens here can reach another connection or the plan being applied.
import type { Socket } from 'node:net';
import { FrameDecoder, encodeFrame, type FrameObject } from '../../shared/protocol/frame-codec';
import type { ProtocolErrorCode } from '../../shared/protocol/error-codes';
import { AttachSchema, RetrySchema, WIZARD_MESSAGE_TYPES, type HelperMessage } from '../../shared/protocol/messages';
import { PROTOCOL_MINOR, minorMismatch, minorOf } from '../../shared/protocol/minor';
import type { RunnerFrame, RunnerListener } from '../apply/plan-runner';
import type { Logger } from '../log/logger';
import type { FollowAnswer, ProvisioningService } from '../service/provisioning-service';
import { errorFrame, reject } from '../verify/rejection';

export interface ConnectionOptions {
  readonly idleTimeoutMs: number;
  readonly log: Logger;
}

/** Frames waiting to be handled; past this the socket is paused (backpressure, bounded memory). */
const MAX_QUEUED_FRAMES = 16;
/** A reader this far behind is dropped rather than buffered without end. */
const MAX_UNSENT_BYTES = 8 * 1024 * 1024;
/** After the final `error` frame, how long the peer gets to read it before the socket is destroyed. */
const CLOSE_GRACE_MS = 2000;

export class Connection {
  private readonly decoder = new FrameDecoder();
  private readonly queue: FrameObject[] = [];
  private handling = false;
  private closed = false;
  private following: RunnerListener | null = null;
  /** Plan frames that arrive while `accepted` is still being prepared; sent right after it. */
  private early: RunnerFrame[] | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly log: Logger;

  constructor(
    private readonly socket: Socket,
    readonly id: number,
    private readonly service: ProvisioningService,
    private readonly options: ConnectionOptions,
  ) {
    this.log = options.log.with({ connection: id });
  }

  /** Sends `hello` at once, then starts reading frames. */
  async begin(): Promise<void> {
    this.socket.on('error', (e) => this.log.debug('socket-error', { problem: (e as NodeJS.ErrnoException).code ?? e.message }));
    this.socket.on('close', () => this.onClose());
    this.armIdle();
    try {
      const hello = await this.service.hello(this.id);
      this.send(hello);
    } catch (e) {
      this.log.error('hello-failed', { problem: (e as Error).message });
      return this.fail('internal', 'the helper could not prepare hello');
    }
    if (this.closed) return;
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    for (const event of this.decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length))) {
      if (event.kind === 'fault') return this.fail(event.code, event.message);
      this.armIdle(); // a complete frame arrived
      this.queue.push(event.frame);
    }
    if (this.queue.length >= MAX_QUEUED_FRAMES) this.socket.pause();
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.handling) return;
    this.handling = true;
    try {
      while (!this.closed && this.queue.length > 0) {
        const frame = this.queue.shift()!;
        this.pauseIdle();
        try {
          await this.dispatch(frame);
        } catch (e) {
          this.log.error('handler-failed', { type: frame.type.slice(0, 32), problem: (e as Error).message });
          this.send(errorFrame(reject('internal', 'the helper failed to handle this message')));
        }
        if (!this.following) this.armIdle();
      }
    } finally {
      this.handling = false;
      if (!this.closed) this.socket.resume();
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
        if (!parsed.success) return this.send(errorFrame(reject('unknown-plan', 'attach needs a planId (hex sha256)', [{ path: '/planId', problem: 'expected a hex sha256' }])));
        return this.answer(this.service.attach(parsed.data.planId, this.listener));
      }
      case 'retry': {
        const parsed = RetrySchema.safeParse(frame);
        if (!parsed.success) return this.send(errorFrame(reject('unknown-plan', 'retry needs a planId (hex sha256)', [{ path: '/planId', problem: 'expected a hex sha256' }])));
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

  /** The frames of the plan this connection follows; after its `result` the idle clock runs again. */
  private readonly listener: RunnerListener = (frame: RunnerFrame) => {
    if (this.early) return void this.early.push(frame);
    this.send(frame);
    if (frame.type === 'result' && this.following) {
      this.following = null;
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
    this.socket.write(bytes);
  }

  /** Frame-level fault or timeout: one `error` frame, then close. */
  private fail(code: ProtocolErrorCode, message: string): void {
    if (this.closed) return;
    this.log.info('connection-fault', { code });
    this.send(errorFrame(reject(code, message)));
    this.closed = true;
    this.clearIdle();
    this.queue.length = 0;
    this.socket.end();
    setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS).unref();
  }

  private armIdle(): void {
    this.clearIdle();
    if (this.closed || this.following) return;
    this.idleTimer = setTimeout(() => this.fail('timeout', `no complete frame for ${this.options.idleTimeoutMs} ms`), this.options.idleTimeoutMs);
    this.idleTimer.unref();
  }

  private pauseIdle(): void {
    this.clearIdle();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Closes without a word (helper shutdown, a reader that does not read). */
  destroy(): void {
    this.closed = true;
    this.clearIdle();
    this.socket.destroy();
  }

  private onClose(): void {
    this.closed = true;
    this.clearIdle();
    this.service.unsubscribe(this.listener);
    this.service.connectionClosed(this.id);
  }
}
