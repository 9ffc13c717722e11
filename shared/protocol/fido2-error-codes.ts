// What can go wrong with a security key (docs/protocol.md §14.3): the helper's `error` codes, the
// wizard's IPC error codes and the unlock's messages all take them from here.
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

/** The key's codes, and an enrollment the helper does not hold (the connection stays open). */
export const FIDO2_PROTOCOL_ERRORS = [...FIDO2_ERROR_CODES, 'unknown-enrollment'] as const;
