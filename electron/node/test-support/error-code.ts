// What a call ends in, as tests compare it: 'ok', the typed IPC error code, or 'untyped'.
import { isIpcFailure } from '../ipc-error';

export async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (e) {
    return isIpcFailure(e) ? e.code : 'untyped';
  }
}
