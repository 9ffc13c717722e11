// The helper over vsock (CID 2, port 5219), bridged by `socat STDIO VSOCK-CONNECT:2:5219`
// because Node cannot use an AF_VSOCK descriptor (docs/protocol.md §1, ADR 020).
//
// socat is run with `-d -d` so it reports on stderr when the connection is made ("starting
// data transfer loop") and why it failed; until then connect() has not resolved, so each
// failure (no socat, refused, reset, no vsock device, early exit, timeout) is its own error.
import { spawn } from 'node:child_process';
import type { Duplex } from 'node:stream';
import { HOST_CID, VSOCK_PORT } from '../../../shared/protocol/messages';
import { ChildProcessDuplex } from './child-duplex';
import { TransportError, type Transport, type TransportFailure } from './transport';

export interface VsockOptions {
  readonly cid?: number;
  readonly port?: number;
  /** The bridge command, looked up in PATH. */
  readonly socat?: string;
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

const CONNECTED_NOTICE = /starting data transfer loop/;
const STDERR_LIMIT = 16 * 1024;

export function vsockTransport(options: VsockOptions = {}): Transport {
  const cid = options.cid ?? HOST_CID;
  const port = options.port ?? VSOCK_PORT;
  const socat = options.socat ?? 'socat';
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    describe: `vsock:${cid}:${port}`,
    connect: () =>
      new Promise<Duplex>((resolve, reject) => {
        const child = spawn(socat, ['-d', '-d', 'STDIO', `VSOCK-CONNECT:${cid}:${port}`], {
          stdio: ['pipe', 'pipe', 'pipe'],
          env: options.env ?? process.env,
        });
        let stderr = '';
        let settled = false;
        const early: Buffer[] = [];
        const collect = (chunk: Buffer) => early.push(chunk);

        const finish = (error: TransportError | null) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          child.stdout.off('data', collect);
          if (error) {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            reject(error);
            return;
          }
          resolve(new ChildProcessDuplex(child, early));
        };

        const timer = setTimeout(
          () => finish(new TransportError('timeout', `no vsock connection to ${cid}:${port} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        child.once('error', (e: NodeJS.ErrnoException) => {
          finish(
            e.code === 'ENOENT' || e.code === 'EACCES'
              ? new TransportError(
                  'bridge-missing',
                  `${socat} is not installed or not executable: it is needed to reach the host over vsock`,
                )
              : new TransportError('bridge-exited', `could not start ${socat} (${e.code ?? 'unknown error'})`),
          );
        });
        child.stdout.on('data', collect);
        // The helper speaks first (hello), so data before the notice also means connected.
        child.stdout.once('data', () => finish(null));
        child.stderr.on('data', (chunk: Buffer) => {
          if (settled) return; // keep draining the pipe, ignore what socat says later
          stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_LIMIT);
          if (CONNECTED_NOTICE.test(stderr)) finish(null);
        });
        child.once('exit', (code, signal) => {
          // stderr may still hold the reason: let the pipe drain before deciding.
          child.stderr.once('close', () => finish(exitError(stderr, code, signal)));
          if (child.stderr.closed) finish(exitError(stderr, code, signal));
        });
      }),
  };
}

/** Names socat's failure from its error lines (`socat[pid] E …`). */
export function classifySocatFailure(stderr: string): TransportFailure | null {
  const errors = stderr
    .split('\n')
    .filter((l) => / E /.test(l))
    .join('\n');
  if (/Connection refused/i.test(errors)) return 'refused';
  if (/Connection reset by peer/i.test(errors)) return 'reset';
  if (/No such device|Address family not supported|Cannot assign requested address|Protocol not supported/i.test(errors)) {
    return 'no-vsock';
  }
  return null;
}

function exitError(stderr: string, code: number | null, signal: NodeJS.Signals | null): TransportError {
  switch (classifySocatFailure(stderr)) {
    case 'refused':
      return new TransportError('refused', 'the host refused the vsock connection (is the helper running?)');
    case 'reset':
      return new TransportError('reset', 'the host reset the vsock connection (nothing listens on the helper port)');
    case 'no-vsock':
      return new TransportError('no-vsock', 'this machine has no usable vsock device');
    default:
      return new TransportError(
        'bridge-exited',
        `socat exited before connecting (${signal ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`})`,
      );
  }
}
