import { describe, expect, it } from 'vitest';
import { FrameDecoder, MAX_FRAME_BYTES, encodeFrame } from './frame-codec';

describe('frame codec', () => {
  it('round-trips a frame split at every byte', () => {
    const bytes = encodeFrame({ type: 'hello', x: 'ä€😀' });
    const d = new FrameDecoder();
    const events = [...bytes].flatMap((b) => d.push(new Uint8Array([b])));
    // Each frame says how many bytes it took on the wire, header included.
    expect(events).toEqual([{ kind: 'frame', frame: { type: 'hello', x: 'ä€😀' }, bytes: bytes.length }]);
  });

  it('rejects an oversized length from the header alone', () => {
    const header = new Uint8Array(4);
    new DataView(header.buffer).setUint32(0, MAX_FRAME_BYTES + 1);
    expect(new FrameDecoder().push(header)[0]).toMatchObject({ kind: 'fault', code: 'frame-too-large' });
  });

  it('calls a frame without a string type bad', () => {
    const body = new TextEncoder().encode('{"type":1}');
    const frame = new Uint8Array(4 + body.length);
    new DataView(frame.buffer).setUint32(0, body.length);
    frame.set(body, 4);
    expect(new FrameDecoder().push(frame)[0]).toMatchObject({ kind: 'fault', code: 'bad-frame' });
  });
});
