// The round trip's floor: a bare Node Unix-socket server that does what the helper does with
// bytes and nothing else. On connect it sends a frame of HELLO_BYTES; for each complete frame it
// reads (4-byte big-endian length, then the body) it answers with a frame of REPLY_BYTES.
//   node echo-server.mjs SOCKET HELLO_BYTES REPLY_BYTES   → {"event":"ready"} on stdout
import net from 'node:net';

const [socketPath, helloBytes, replyBytes] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
if (!socketPath || !(helloBytes >= 4) || !(replyBytes >= 4)) {
  process.stderr.write('usage: echo-server.mjs SOCKET HELLO_BYTES REPLY_BYTES (frame sizes, header included)\n');
  process.exit(2);
}

/** A frame of `size` bytes in all: the length header and a body of spaces. */
function frame(size) {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.writeUInt32BE(size - 4, 0);
  return bytes;
}
const hello = frame(helloBytes);
const reply = frame(replyBytes);

const server = net.createServer((socket) => {
  let pending = Buffer.alloc(0);
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
      pending = pending.subarray(4 + pending.readUInt32BE(0));
      socket.write(reply);
    }
  });
  socket.write(hello);
});
server.listen(socketPath, () => process.stdout.write(JSON.stringify({ event: 'ready', socket: socketPath }) + '\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
