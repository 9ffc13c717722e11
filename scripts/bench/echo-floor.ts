// The floor of the plan round trip: the same exchange of bytes with echo-server.mjs (a bare Node
// Unix-socket server): connect and read a hello-sized frame, then write a plan-sized frame and
// read an accepted-sized answer. No JSON, no validation, no cryptography: transport only.
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export interface FloorExchange {
  readonly connectHelloMs: number;
  readonly exchangeMs: number;
}

/** A frame of `size` bytes in all: the length header and a body of spaces. */
export function paddingFrame(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.writeUInt32BE(size - 4, 0);
  return bytes;
}

export function floorExchange(socketPath: string, sizes: { hello: number; plan: Buffer; accepted: number }): Promise<FloorExchange> {
  return new Promise<FloorExchange>((resolve, reject) => {
    const t0 = performance.now();
    let t1 = 0;
    let t2 = 0;
    let got = 0;
    const socket = net.createConnection({ path: socketPath });
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      got += chunk.length;
      if (t1 === 0 && got >= sizes.hello) {
        t1 = performance.now();
        got -= sizes.hello;
        t2 = performance.now();
        socket.write(sizes.plan);
      }
      if (t1 !== 0 && got >= sizes.accepted) {
        const t3 = performance.now();
        socket.destroy();
        resolve({ connectHelloMs: t1 - t0, exchangeMs: t3 - t2 });
      }
    });
  });
}
