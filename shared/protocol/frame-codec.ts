// The framing of docs/protocol.md §2: a 4-byte big-endian length, then that many bytes of UTF-8 JSON
// encoding one object with a string `type`.
import { utf8Decode, utf8Encode } from '../util/bytes';

export const MAX_FRAME_BYTES = 1_048_576;
export const FRAME_HEADER_BYTES = 4;

export type FrameFault = 'frame-too-large' | 'bad-frame';

export interface FrameObject {
  readonly type: string;
  readonly [key: string]: unknown;
}

type Fault = { readonly kind: 'fault'; readonly code: FrameFault; readonly message: string };
type ParsedBody = { readonly kind: 'frame'; readonly frame: FrameObject } | Fault;
/** A decoded frame carries its size on the wire (header and body), for limits on what is held. */
export type DecodeEvent = { readonly kind: 'frame'; readonly frame: FrameObject; readonly bytes: number } | Fault;

export class FrameEncodeError extends Error {}

export function encodeFrame(message: FrameObject): Uint8Array {
  const body = utf8Encode(JSON.stringify(message));
  if (body.length < 1 || body.length > MAX_FRAME_BYTES) {
    throw new FrameEncodeError(`frame body of ${body.length} bytes is outside 1..${MAX_FRAME_BYTES}`);
  }
  const out = new Uint8Array(FRAME_HEADER_BYTES + body.length);
  new DataView(out.buffer).setUint32(0, body.length, false);
  out.set(body, FRAME_HEADER_BYTES);
  return out;
}

/** Parses one frame body; returns a fault for anything that is not a typed JSON object. */
export function parseFrameBody(body: Uint8Array): ParsedBody {
  const text = utf8Decode(body);
  if (text === null) return { kind: 'fault', code: 'bad-frame', message: 'frame is not valid UTF-8' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'fault', code: 'bad-frame', message: 'frame is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'fault', code: 'bad-frame', message: 'frame is not a JSON object' };
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string') {
    return { kind: 'fault', code: 'bad-frame', message: 'frame has no string member "type"' };
  }
  return { kind: 'frame', frame: value as FrameObject };
}

/**
 * Incremental decoder. Feed it chunks as they arrive; it never buffers more than one header
 * plus one announced body, and it rejects an announced length before reading the body.
 * After a fault it stays faulted: the connection is to be closed.
 */
export class FrameDecoder {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private need = -1; // body length once the header is read
  private faulted = false;

  push(chunk: Uint8Array): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    if (this.faulted) return events;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.need < 0) {
        if (this.buffered < FRAME_HEADER_BYTES) break;
        const header = this.take(FRAME_HEADER_BYTES);
        const length = new DataView(header.buffer, header.byteOffset, 4).getUint32(0, false);
        if (length === 0 || length > MAX_FRAME_BYTES) {
          this.fail();
          events.push({
            kind: 'fault',
            code: 'frame-too-large',
            message: length === 0 ? 'frame length 0 is not allowed' : `frame length ${length} exceeds ${MAX_FRAME_BYTES}`,
          });
          break;
        }
        this.need = length;
      }
      if (this.buffered < this.need) break;
      const body = this.take(this.need);
      this.need = -1;
      const event = parseFrameBody(body);
      if (event.kind === 'fault') {
        events.push(event);
        this.fail();
        break;
      }
      events.push({ ...event, bytes: FRAME_HEADER_BYTES + body.length });
    }
    return events;
  }

  /** Bytes of a frame started but not finished (for "connection closed mid-frame"). */
  get pendingBytes(): number {
    return this.buffered + (this.need >= 0 ? FRAME_HEADER_BYTES : 0);
  }

  private fail(): void {
    this.faulted = true;
    this.chunks = [];
    this.buffered = 0;
  }

  private take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let o = 0;
    while (o < n) {
      const head = this.chunks[0]!;
      const part = Math.min(n - o, head.length);
      out.set(head.subarray(0, part), o);
      o += part;
      if (part === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(part);
    }
    this.buffered -= n;
    return out;
  }
}
