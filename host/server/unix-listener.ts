// The listening socket: a Unix-domain socket at the hybrid-vsock path (`<vm socket>_5219`),
// mode 0600, at most `maxConnections` connections open (more are closed at accept).
import { connect, createServer, type Server, type Socket } from 'node:net';
import { chmodSync, lchownSync, lstatSync, unlinkSync } from 'node:fs';

export interface UnixListener {
  readonly path: string;
  close(): Promise<void>;
}

/** True when something accepts connections at `path`. */
function isLive(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/** Clears a stale socket left by a crashed helper; refuses to touch anything else. */
async function clearStale(path: string): Promise<void> {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return;
  }
  if (!st.isSocket()) throw new Error(`${path} exists and is not a socket`);
  if (await isLive(path)) throw new Error(`another process already listens on ${path}`);
  unlinkSync(path);
}

/** sun_path holds 108 bytes including the terminating NUL. */
const MAX_SOCKET_PATH_BYTES = 107;

/** Who may connect besides root: the socket's owner, group and mode. */
export interface SocketAccessSpec {
  readonly uid: number;
  readonly gid: number;
  readonly mode: number;
}

export async function listenUnix(
  path: string,
  maxConnections: number,
  onConnection: (socket: Socket) => void,
  onRefused: () => void,
  access: SocketAccessSpec | null = null,
): Promise<UnixListener> {
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
    throw new Error(`the socket path is longer than ${MAX_SOCKET_PATH_BYTES} bytes: ${path}`);
  }
  await clearStale(path);
  const sockets = new Set<Socket>();
  const server: Server = createServer({ pauseOnConnect: false }, (socket) => {
    if (sockets.size >= maxConnections) {
      onRefused();
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // The socket is created with the umask in force: make it 0600 from the first instant.
    const previous = process.umask(0o177);
    try {
      server.listen(path, () => resolve());
    } finally {
      process.umask(previous);
    }
  });
  chmodSync(path, 0o600);
  if (access) {
    // Until here only root could connect. lchown never follows a link; the entry is our socket.
    if (!lstatSync(path).isSocket()) throw new Error(`${path} is no longer the helper's socket`);
    lchownSync(path, access.uid, access.gid);
    chmodSync(path, access.mode);
  }
  return {
    path,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      }),
  };
}
