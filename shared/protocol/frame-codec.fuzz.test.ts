// Property tests of the frame decoder (docs/protocol.md §2): whatever the bytes and however they are
// chunked, it never throws or hangs, buffers at most one frame, and ends in a defined state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRAME_HEADER_BYTES, FrameDecoder, MAX_FRAME_BYTES, encodeFrame, type DecodeEvent } from './frame-codec';

/** Splits `bytes` at the given cut points. */
function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let start = 0;
  for (const p of points) {
    out.push(bytes.subarray(start, p));
    start = p;
  }
  out.push(bytes.subarray(start));
  return out;
}

function decodeAll(chunks: Uint8Array[]): { events: DecodeEvent[]; maxPending: number } {
  const d = new FrameDecoder();
  const events: DecodeEvent[] = [];
  let maxPending = 0;
  for (const c of chunks) {
    events.push(...d.push(c));
    maxPending = Math.max(maxPending, d.pendingBytes);
  }
  return { events, maxPending };
}

/** The invariants every decode must keep. */
function checkDefined(events: DecodeEvent[], maxPending: number): void {
  const faultAt = events.findIndex((e) => e.kind === 'fault');
  if (faultAt >= 0) {
    expect(faultAt).toBe(events.length - 1); // nothing after a fault
    const fault = events[faultAt]!;
    expect(fault.kind === 'fault' && ['frame-too-large', 'bad-frame'].includes(fault.code)).toBe(true);
  }
  for (const e of events) {
    if (e.kind === 'frame') expect(typeof e.frame.type).toBe('string');
  }
  expect(maxPending).toBeLessThanOrEqual(FRAME_HEADER_BYTES + MAX_FRAME_BYTES + 65536);
}

const typedObject = fc
  .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })
  .chain((rest) => fc.string({ maxLength: 20 }).map((type) => ({ ...rest, type })));

describe('FrameDecoder properties', () => {
  it('never throws on random bytes in random chunks, and ends in a defined state', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(), { maxLength: 12 }), (bytes, cuts) => {
        const { events, maxPending } = decodeAll(chunked(bytes, cuts));
        checkDefined(events, maxPending);
      }),
      { numRuns: 4000 },
    );
  });

  it('round-trips any sequence of typed objects, however it is chunked', () => {
    fc.assert(
      fc.property(fc.array(typedObject, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 20 }), (objects, cuts) => {
        const stream = new Uint8Array(objects.reduce((n, o) => n + encodeFrame(o).length, 0));
        let o = 0;
        for (const obj of objects) {
          const f = encodeFrame(obj);
          stream.set(f, o);
          o += f.length;
        }
        const { events } = decodeAll(chunked(stream, cuts));
        // Each frame comes back whole, with its size on the wire (header and body).
        expect(events).toEqual(
          objects.map((obj) => ({ kind: 'frame', frame: JSON.parse(JSON.stringify(obj)), bytes: encodeFrame(obj).length })),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('gives a defined answer for mutated valid frames (bytes flipped, cut, or appended)', () => {
    fc.assert(
      fc.property(
        typedObject,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(),
        fc.uint8Array({ maxLength: 40 }),
        (obj, flips, cut, tail) => {
          const bytes = encodeFrame(obj).slice();
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const mutated = new Uint8Array([...bytes.subarray(0, Math.max(1, cut % (bytes.length + 1))), ...tail]);
          const { events, maxPending } = decodeAll([mutated]);
          checkDefined(events, maxPending);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('rejects every announced length of 0 or above the limit from the header alone', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(0), fc.integer({ min: MAX_FRAME_BYTES + 1, max: 0xffffffff })), (length) => {
        const header = new Uint8Array(4);
        new DataView(header.buffer).setUint32(0, length);
        const events = new FrameDecoder().push(header);
        expect(events).toMatchObject([{ kind: 'fault', code: 'frame-too-large' }]);
      }),
      { numRuns: 1000 },
    );
  });
});
