// A minimal wizard side for tests: connects to the helper's Unix socket, reads frames with the
// shared decoder and checks each against the shared schemas.
import { connect, type Socket } from 'node:net';
import { FrameDecoder, encodeFrame, type FrameObject } from '../../shared/protocol/frame-codec';
import { HelperMessageSchema, type HelperMessage, type Hello } from '../../shared/protocol/messages';
import { PROTOCOL_MINOR } from '../../shared/protocol/minor';

export type Received = HelperMessage | { readonly type: 'closed' };

export class HelperClient {
  private readonly decoder = new FrameDecoder();
  private readonly inbox: Received[] = [];
  private waiters: ((m: Received) => void)[] = [];
  private closed = false;
  /** Every frame received, as raw JSON text (for leak checks). */
  readonly transcript: string[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const ev of this.decoder.push(new Uint8Array(chunk))) {
        if (ev.kind === 'fault') throw new Error(`helper sent a bad frame: ${ev.message}`);
        this.transcript.push(JSON.stringify(ev.frame));
        const parsed = HelperMessageSchema.safeParse(ev.frame);
        if (!parsed.success)
          throw new Error(`helper sent a frame outside the schema: ${JSON.stringify(ev.frame).slice(0, 300)} ${parsed.error.message}`);
        this.deliver(parsed.data);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.deliver({ type: 'closed' });
    });
  }

  static connect(path: string): Promise<HelperClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(path);
      socket.once('connect', () => resolve(new HelperClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Connects and reads `hello`. */
  static async open(path: string): Promise<{ client: HelperClient; hello: Hello }> {
    const client = await HelperClient.connect(path);
    const hello = await client.next();
    if (hello.type !== 'hello') throw new Error(`expected hello, got ${JSON.stringify(hello)}`);
    return { client, hello };
  }

  private deliver(m: Received): void {
    const w = this.waiters.shift();
    if (w) w(m);
    else this.inbox.push(m);
  }

  next(timeoutMs = 15_000): Promise<Received> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    if (this.closed) return Promise.resolve({ type: 'closed' });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no frame within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (m: Received): void => {
        clearTimeout(timer);
        resolve(m);
      };
      this.waiters.push(waiter);
    });
  }

  /** Reads frames until (and including) a `result`, `error` or close. */
  async untilEnd(timeoutMs = 60_000): Promise<Received[]> {
    const out: Received[] = [];
    for (;;) {
      const m = await this.next(timeoutMs);
      out.push(m);
      if (m.type === 'result' || m.type === 'error' || m.type === 'closed') return out;
    }
  }

  /** Sends a wizard message, marked with this protocol minor unless it names one itself. */
  send(message: FrameObject): void {
    this.socket.write(encodeFrame('minor' in message ? message : { ...message, minor: PROTOCOL_MINOR }));
  }

  sendRaw(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  close(): void {
    this.socket.destroy();
  }
}
