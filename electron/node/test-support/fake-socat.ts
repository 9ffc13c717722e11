// Writes a fake `socat` for tests: invoked as the wizard does (`-d -d STDIO VSOCK-CONNECT:2:5219`),
// it bridges stdio to the Unix socket `$FAKE_VSOCK_BASE_5219`, the path where cloud-hypervisor's
// hybrid vsock would deliver the connection, and reports on stderr like socat 1.7.4:
//   - the socket file is missing   → "Connection reset by peer" (hybrid vsock with no listener)
//   - nothing accepts on the file  → "Connection refused"
//   - FAKE_SOCAT_EXIT=N            → exits with status N at once, saying nothing
//   - FAKE_SOCAT_HANG=1            → never connects, never exits
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SCRIPT = String.raw`(() => {
const net = require('node:net');
const log = (level, text) => process.stderr.write(new Date().toISOString() + ' socat[' + process.pid + '] ' + level + ' ' + text + '\n');
if (process.env.FAKE_SOCAT_EXIT) process.exit(Number(process.env.FAKE_SOCAT_EXIT));
if (process.env.FAKE_SOCAT_HANG) { setInterval(() => {}, 1000); return; }
const address = process.argv.slice(2).find((a) => a.startsWith('VSOCK-CONNECT:'));
if (!address) { log('E', 'unsupported address'); process.exit(1); }
const port = address.split(':')[2];
log('N', 'opening connection to AF=40 cid:2 port:' + port);
const socket = net.createConnection(process.env.FAKE_VSOCK_BASE + '_' + port);
socket.once('error', (e) => {
  const reason = e.code === 'ECONNREFUSED' ? 'Connection refused' : e.code === 'ENOENT' ? 'Connection reset by peer' : e.message;
  log('E', 'connect(5, AF=40 cid:2 port:' + port + ', 16): ' + reason);
  log('N', 'exit(1)');
  process.exit(1);
});
socket.once('connect', () => {
  log('N', 'starting data transfer loop with FDs [0,1] and [5,5]');
  socket.on('error', () => process.exit(1));
  process.stdin.pipe(socket);
  socket.pipe(process.stdout);
  socket.on('end', () => process.exit(0));
  process.stdin.on('end', () => socket.end());
});
})();
`;

/** Writes `socat` into `dir`/bin and returns that folder, to put first in PATH. */
export function installFakeSocat(dir: string): string {
  const bin = path.join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const file = path.join(bin, 'socat');
  writeFileSync(file, `#!${process.execPath}\n${SCRIPT}`);
  chmodSync(file, 0o755);
  return bin;
}
