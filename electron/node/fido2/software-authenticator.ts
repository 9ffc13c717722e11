// A software model of a FIDO2 authenticator with the hmac-secret extension (CTAP 2.1, section 12.5):
// each credential has a random credential id and two random 32-byte CredRandom values, one
// used when user verification (here: the PIN) was performed and one when it was not; the
// extension's output for a salt is HMAC-SHA-256(CredRandom, salt). That is why an assertion
// with a PIN and one without give different secrets, as on a real key.
import { createHmac, randomBytes } from 'node:crypto';
import { fido2Error } from './fido2-provider';

export interface SoftwareAuthenticatorOptions {
  /** The PIN set on the key; undefined for a key without a PIN. */
  readonly pin?: string;
  /** How long the person takes to touch the key. */
  readonly touchDelayMs?: number;
  /** The key is unplugged right after it makes a credential (enrollment fails halfway). */
  readonly removeAfterMakeCredential?: boolean;
  /** Nobody touches the key: each request times out after the touch delay. */
  readonly neverTouched?: boolean;
  readonly sleep?: (ms: number) => Promise<void>;
}

interface StoredCredential {
  readonly rpId: string;
  readonly credRandomWithUv: Buffer;
  readonly credRandomWithoutUv: Buffer;
}

/** CTAP2's limit: after this many wrong PINs in a row the PIN is blocked. */
const PIN_RETRIES = 8;

export class SoftwareAuthenticator {
  private readonly credentials = new Map<string, StoredCredential>();
  private pinRetries = PIN_RETRIES;
  private present = true;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: SoftwareAuthenticatorOptions = {}) {
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  get hasPin(): boolean {
    return this.options.pin !== undefined;
  }

  get isPresent(): boolean {
    return this.present;
  }

  /** Unplug / plug the key back in. */
  setPresent(present: boolean): void {
    this.present = present;
  }

  async makeCredential(request: { rpId: string; pin?: string }): Promise<{ credentialId: Uint8Array }> {
    this.requirePresent();
    // With a PIN set, makeCredential needs it (clientPin, CTAP 2.0 behaviour).
    if (this.hasPin && request.pin === undefined) throw fido2Error('fido2-pin-required', 'this security key needs its PIN');
    if (request.pin !== undefined) this.checkPin(request.pin);
    await this.touch();
    const credentialId = randomBytes(64);
    this.credentials.set(credentialId.toString('base64'), {
      rpId: request.rpId,
      credRandomWithUv: randomBytes(32),
      credRandomWithoutUv: randomBytes(32),
    });
    if (this.options.removeAfterMakeCredential) this.present = false;
    return { credentialId };
  }

  async hmacSecret(request: { rpId: string; credentialId: Uint8Array; salt: Uint8Array; pin?: string; userPresence: boolean }): Promise<Uint8Array> {
    this.requirePresent();
    if (request.salt.length !== 32) throw fido2Error('fido2-failed', 'the hmac-secret salt must be 32 bytes');
    if (request.pin !== undefined) this.checkPin(request.pin);
    const credential = this.credentials.get(Buffer.from(request.credentialId).toString('base64'));
    if (!credential || credential.rpId !== request.rpId) throw fido2Error('fido2-failed', 'this security key does not hold the credential');
    if (request.userPresence) await this.touch();
    this.requirePresent();
    const credRandom = request.pin !== undefined ? credential.credRandomWithUv : credential.credRandomWithoutUv;
    return new Uint8Array(createHmac('sha256', credRandom).update(request.salt).digest());
  }

  /** For tests: the CredRandom behind a credential, to check the hmac-secret output. */
  credRandom(credentialId: Uint8Array, withUv: boolean): Uint8Array {
    const credential = this.credentials.get(Buffer.from(credentialId).toString('base64'));
    if (!credential) throw new Error('unknown credential');
    return new Uint8Array(withUv ? credential.credRandomWithUv : credential.credRandomWithoutUv);
  }

  private requirePresent(): void {
    if (!this.present) throw fido2Error('fido2-device-removed', 'the security key was removed');
  }

  private checkPin(pin: string): void {
    if (!this.hasPin) throw fido2Error('fido2-failed', 'this security key has no PIN set');
    if (this.pinRetries <= 0) throw fido2Error('fido2-failed', 'the PIN of this security key is blocked');
    if (pin !== this.options.pin) {
      this.pinRetries--;
      throw fido2Error('fido2-wrong-pin', 'wrong PIN for this security key');
    }
    this.pinRetries = PIN_RETRIES;
  }

  private async touch(): Promise<void> {
    await this.sleep(this.options.touchDelayMs ?? 0);
    if (this.options.neverTouched) throw fido2Error('fido2-timeout', 'the security key was not touched in time');
  }
}
