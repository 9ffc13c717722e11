// The listening socket: a Unix-domain socket at the hybrid-vsock path (`<vm socket>_5219`),
// mode 0600 (0660 with a --socket-group) from the moment it exists (the umask is set around bind; nothing chmods a path
// afterwards, which could follow a link), at most `maxConnections` connections open (more are
// closed at accept).
import { connect, createServer, type Server, type Socket } from 'node:net';
import { lchownSync, lstatSync, unlinkSync } from 'node:fs';

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
  const bindMode = access?.mode ?? 0o600;
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
    // The socket is created with the umask in force: it has its final mode from the first instant
    // (0600, or the mode a --socket-group asks for), so nothing chmods the path afterwards.
    const previous = process.umask(0o777 & ~bindMode);
    try {
      server.listen(path, () => resolve());
    } finally {
      process.umask(previous);
    }
  });
  // What is at the path now must be the socket just made, as made: never fix it up by path.
  const made = lstatSync(path);
  if (!made.isSocket() || (made.mode & 0o777) !== bindMode || made.uid !== process.geteuid?.()) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw new Error(`${path} is not the socket the helper created with mode ${bindMode.toString(8).padStart(4, '0')}`);
  }
  if (access) {
    // Until here only the helper's own user and group (root) could connect. lchown never
    // follows a link, and the entry was just checked to be the socket made above.
    lchownSync(path, access.uid, access.gid);
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
