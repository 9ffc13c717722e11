// One interface over the ways the wizard can talk to a FIDO2 security key: libfido2's command
// line tools (a real key) or the software model (tests, and simulated keys in the sandbox
// preview). The FIDO2 service above it makes the credential and the hmac-secret assertion the
// way systemd-cryptenroll does (docs/protocol.md §8.1).
import type { Fido2Device } from '../../../shared/ipc/contract';
import { IpcFailure } from '../ipc-error';

export interface MakeCredentialRequest {
  readonly deviceId: string;
  readonly pin?: string;
  readonly rpId: string;
  readonly userName: string;
  readonly userId: Uint8Array;
  readonly clientDataHash: Uint8Array;
}

export interface HmacSecretRequest {
  readonly deviceId: string;
  /** Given exactly when the credential was enrolled with a PIN: the secret depends on it. */
  readonly pin?: string;
  readonly rpId: string;
  readonly credentialId: Uint8Array;
  readonly salt: Uint8Array;
  readonly clientDataHash: Uint8Array;
  readonly userPresence: boolean;
}

export interface DeviceList {
  readonly devices: Fido2Device[];
  /** libfido2's tools are not installed: real keys cannot be used. */
  readonly toolsMissing: boolean;
}

export interface Fido2Provider {
  listDevices(): Promise<DeviceList>;
  makeCredential(request: MakeCredentialRequest): Promise<{ credentialId: Uint8Array }>;
  /** The hmac-secret output S (32 bytes) for `salt`. */
  hmacSecret(request: HmacSecretRequest): Promise<Uint8Array>;
}

export type Fido2ErrorCode =
  | 'fido2-tools-missing'
  | 'fido2-no-device'
  | 'fido2-pin-required'
  | 'fido2-wrong-pin'
  | 'fido2-device-removed'
  | 'fido2-timeout'
  | 'fido2-failed';

export function fido2Error(code: Fido2ErrorCode, message: string): IpcFailure {
  return new IpcFailure(code, message);
}
