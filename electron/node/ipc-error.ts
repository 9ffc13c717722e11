// A typed failure that a handler throws on purpose: its code and message reach the renderer.
// Anything else a handler throws is an internal error and reaches it only as `ipc-internal`.
import type { IpcError } from '../../shared/ipc/contract';

type Detail = NonNullable<IpcError['details']>[number];

export class IpcFailure extends Error {
  override readonly name = 'IpcFailure';
  constructor(
    readonly code: string,
    message: string,
    readonly details?: readonly Detail[],
  ) {
    super(message);
  }

  toIpcError(): IpcError {
    const error: IpcError = { code: this.code.slice(0, 64), message: this.message.slice(0, 2000) };
    if (this.details && this.details.length > 0) {
      error.details = this.details.slice(0, 64).map((d) => ({ path: d.path.slice(0, 200), problem: d.problem.slice(0, 500) }));
    }
    return error;
  }
}

export function isIpcFailure(e: unknown): e is IpcFailure {
  return e instanceof IpcFailure;
}
