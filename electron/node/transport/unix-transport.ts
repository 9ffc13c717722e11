// The helper's Unix socket, reached directly: the sandbox, development and tests.
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { TransportError, type Transport } from './transport';

const CONNECT_TIMEOUT_MS = 10_000;

export function unixTransport(socketPath: string, timeoutMs = CONNECT_TIMEOUT_MS): Transport {
  return {
    describe: `unix:${socketPath}`,
    connect: () =>
      new Promise<Duplex>((resolve, reject) => {
        const socket = net.createConnection({ path: socketPath });
        const timer = setTimeout(() => {
          socket.destroy();
          reject(new TransportError('timeout', `no connection to the helper socket within ${timeoutMs} ms`));
        }, timeoutMs);
        socket.once('connect', () => {
          clearTimeout(timer);
          socket.removeAllListeners('error');
          resolve(socket);
        });
        socket.once('error', (e: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          reject(unixError(e.code));
        });
      }),
  };
}

function unixError(code: string | undefined): TransportError {
  switch (code) {
    case 'ENOENT':
      return new TransportError('no-socket', 'the helper socket does not exist (is the helper running?)');
    case 'ECONNREFUSED':
      return new TransportError('refused', 'the helper socket refused the connection (is the helper running?)');
    case 'EACCES':
    case 'EPERM':
      return new TransportError('denied', 'no permission to connect to the helper socket');
    case 'ECONNRESET':
      return new TransportError('reset', 'the helper reset the connection');
    default:
      return new TransportError('refused', `could not connect to the helper socket (${code ?? 'unknown error'})`);
  }
}
