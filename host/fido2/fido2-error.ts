// What can go wrong with a security key, as codes the wizard localizes and the unlock program
// turns into its own messages. Messages are English for logs and never carry a PIN or secret.

import { FIDO2_ERROR_CODES, type Fido2ErrorCode } from '../../shared/protocol/fido2-error-codes';

export { FIDO2_ERROR_CODES, type Fido2ErrorCode };

export class Fido2Error extends Error {
  override readonly name = 'Fido2Error';
  constructor(
    readonly code: Fido2ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function fido2Error(code: Fido2ErrorCode, message: string): Fido2Error {
  return new Fido2Error(code, message);
}
