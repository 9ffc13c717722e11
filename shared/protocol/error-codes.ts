// Error codes of docs/protocol.md §9 (connection-level `error` frames) and the codes a failed
// step reports in a `result`. The wizard localizes by code; messages are English for logs.
import { FIDO2_PROTOCOL_ERRORS } from './fido2-error-codes';

export const PROTOCOL_ERROR_CODES = [
  'frame-too-large',
  'bad-frame',
  'unknown-type',
  'timeout',
  'bad-envelope',
  'bad-payload-type',
  'bad-signature',
  'unknown-session',
  'expired',
  'replayed',
  'invalid-plan',
  'bad-seal',
  'insufficient-space',
  'busy',
  'already-provisioned',
  'target-in-use',
  'unknown-plan',
  'internal',
  // Protocol 1.1: the wizard speaks another minor version (docs/protocol.md, "Minor versions").
  'version-mismatch',
  // Protocol 1.1: the security key at the helper (shared/protocol/fido2-messages.ts).
  ...FIDO2_PROTOCOL_ERRORS,
] as const;
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

/** Codes of a failed step in `result` (`ok:false`). */
export const STEP_FAILURE_CODES = [
  'io', // a file or device operation failed
  'command-failed', // an external tool (cryptsetup, vm-import, …) exited non-zero
  'target-in-use', // the user-data target holds data that is not ours to overwrite
  'interrupted', // the helper stopped while the step ran (found on restart)
  'internal',
] as const;
export type StepFailureCode = (typeof STEP_FAILURE_CODES)[number];
