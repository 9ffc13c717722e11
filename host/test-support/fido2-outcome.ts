// What a security-key call came to, as one word a test compares: 'ok', the Fido2Error's code, or
// 'untyped' for any other error (which the helper must never let out).
import { Fido2Error } from '../fido2/fido2-error';

export async function fido2Outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof Fido2Error ? e.code : 'untyped';
  }
}
