// What can go wrong with a security key, as codes the wizard localizes and the unlock program
// turns into its own messages. Messages are English for logs and never carry a PIN or secret.

export const FIDO2_ERROR_CODES = [
  'fido2-tools-missing',
  'fido2-no-device',
  'fido2-pin-required',
  'fido2-wrong-pin',
  'fido2-device-removed',
  'fido2-timeout',
  'fido2-failed',
] as const;
export type Fido2ErrorCode = (typeof FIDO2_ERROR_CODES)[number];

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
