// One interface over the ways the host talks to FIDO2 security keys: libfido2's command-line
// tools (real keys) or the sandbox's simulated keys. Enrollment and unlocking both derive the
// keyslot secret as systemd does: hmac-secret(salt) from a credential of rp
// `io.systemd.cryptsetup` (docs/decisions/013-luks-layout-and-key-handling.md).

export interface SecurityKeyInfo {
  /** A device path (`/dev/hidraw3`) or, in the sandbox, `sim:<name>`. */
  readonly id: string;
  readonly name: string;
  readonly hasPin: boolean;
  readonly simulated: boolean;
}

export interface KeyList {
  readonly keys: SecurityKeyInfo[];
  /** libfido2's tools are not installed: real keys cannot be used. */
  readonly toolsMissing: boolean;
}

export interface MakeCredentialRequest {
  readonly deviceId: string;
  /** The key's PIN as bytes; the caller wipes it. */
  readonly pin?: Uint8Array;
  readonly rpId: string;
  readonly userName: string;
  readonly userId: Uint8Array;
  readonly clientDataHash: Uint8Array;
}

export interface HmacSecretRequest {
  readonly deviceId: string;
  /** Given exactly when the credential was enrolled with a PIN: the secret depends on it. */
  readonly pin?: Uint8Array;
  readonly rpId: string;
  readonly credentialId: Uint8Array;
  readonly salt: Uint8Array;
  readonly clientDataHash: Uint8Array;
  readonly userPresence: boolean;
  readonly userVerification?: boolean;
}

/** Called when the key waits for a touch, so the person can be told ("touch your key"). */
export type TouchNotice = () => void;

export interface SecurityKeys {
  list(): Promise<KeyList>;
  makeCredential(request: MakeCredentialRequest, onTouch?: TouchNotice): Promise<{ credentialId: Uint8Array }>;
  /** The hmac-secret output S (32 bytes) for `salt`; the caller wipes it. */
  hmacSecret(request: HmacSecretRequest, onTouch?: TouchNotice): Promise<Uint8Array>;
  /**
   * Whether the key holds the credential, asked silently (no touch, no PIN), as
   * systemd-cryptsetup does before it asks for anything; true when the key cannot tell.
   */
  holdsCredential(deviceId: string, rpId: string, credentialId: Uint8Array): Promise<boolean>;
}
