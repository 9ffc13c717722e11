// One connection to the helper, as a queue of validated helper messages (docs/protocol.md §2, §4).
// A frame fault, a message that fails the shared schemas, or the stream closing ends the
// connection; a pending or later `next()` then rejects with the reason.
import type { Duplex } from 'node:stream';
import { FrameDecoder, encodeFrame } from '../../../shared/protocol/frame-codec';
import { HelperMessageSchema, type HelperMessage, type WizardMessage } from '../../../shared/protocol/messages';
import { PROTOCOL_MINOR } from '../../../shared/protocol/minor';

export type ConnectionEnd = 'closed' | 'protocol' | 'timeout';

export class ConnectionEndedError extends Error {
  override readonly name = 'ConnectionEndedError';
  constructor(
    readonly reason: ConnectionEnd,
    message: string,
  ) {
    super(message);
  }
}

interface Waiter {
  resolve(message: HelperMessage): void;
  reject(error: ConnectionEndedError): void;
}

export class FrameConnection {
  private readonly decoder = new FrameDecoder();
  private readonly queue: HelperMessage[] = [];
  private readonly waiters: Waiter[] = [];
  private ended: ConnectionEndedError | null = null;

  constructor(private readonly stream: Duplex) {
    stream.on('data', (chunk: Buffer) => this.onData(chunk));
    stream.on('end', () => this.end(new ConnectionEndedError('closed', 'the helper closed the connection')));
    stream.on('close', () => this.end(new ConnectionEndedError('closed', 'the connection closed')));
    stream.on('error', () => this.end(new ConnectionEndedError('closed', 'the connection failed')));
  }

  get isOpen(): boolean {
    return this.ended === null;
  }

  /** The next helper message; rejects when the connection ends or after `timeoutMs`. */
  next(timeoutMs: number): Promise<HelperMessage> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.ended) return Promise.reject(this.ended);
    return new Promise<HelperMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new ConnectionEndedError('timeout', `no message from the helper within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Sends a wizard message, marked with this wizard's protocol minor. */
  send(message: WizardMessage): Promise<void> {
    if (this.ended) return Promise.reject(this.ended);
    const frame = encodeFrame({ ...message, minor: PROTOCOL_MINOR });
    return new Promise<void>((resolve, reject) => {
      this.stream.write(frame, (e) => (e ? reject(new ConnectionEndedError('closed', 'could not write to the helper')) : resolve()));
    });
  }

  close(): void {
    this.end(new ConnectionEndedError('closed', 'the wizard closed the connection'));
  }

  private onData(chunk: Buffer): void {
    if (this.ended) return;
    for (const event of this.decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length))) {
      if (event.kind === 'fault') {
        this.end(new ConnectionEndedError('protocol', `the helper sent a bad frame (${event.code})`));
        return;
      }
      const parsed = HelperMessageSchema.safeParse(event.frame);
      if (!parsed.success) {
        this.end(new ConnectionEndedError('protocol', `the helper sent an invalid "${event.frame.type.slice(0, 32)}" message`));
        return;
      }
      this.deliver(parsed.data);
    }
  }

  private deliver(message: HelperMessage): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(message);
    else this.queue.push(message);
  }

  private end(reason: ConnectionEndedError): void {
    if (this.ended) return;
    this.ended = reason;
    for (const w of this.waiters.splice(0)) w.reject(reason);
    this.stream.destroy();
  }
}
