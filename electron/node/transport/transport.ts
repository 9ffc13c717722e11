// How the wizard reaches the host helper: a byte stream, however it is carried
// (docs/protocol.md §1). `unix` in development and the sandbox, `vsock` (through socat) in the VM.
import type { Duplex } from 'node:stream';

export interface Transport {
  /** A short description for logs (no secrets: a socket path or the vsock address). */
  readonly describe: string;
  connect(): Promise<Duplex>;
}

/** Why a connection could not be made; each reason is a distinct, testable failure. */
export const TRANSPORT_FAILURES = [
  'bridge-missing', // socat is not installed
  'refused', // nothing listens (Unix: ECONNREFUSED)
  'reset', // the host reset the connection (hybrid vsock with no listener)
  'no-socket', // the Unix socket file does not exist
  'denied', // the socket exists but we may not connect to it
  'no-vsock', // the guest has no usable vsock device
  'bridge-exited', // socat exited before the connection was made, for another reason
  'timeout', // no connection within the time allowed
] as const;
export type TransportFailure = (typeof TRANSPORT_FAILURES)[number];

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly reason: TransportFailure,
    message: string,
  ) {
    super(message);
  }
}
