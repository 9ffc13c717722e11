// The security-key ceremony at the helper (protocol 1.1), as systemd-cryptenroll does it: make a
// credential for the rp `io.systemd.cryptsetup` with hmac-secret, draw a random 32-byte salt,
// and get S = hmac-secret(salt) with an assertion (with the PIN when the key has one; a PIN-less
// assertion would give another S). S stays here, wiped when dropped, under a random enrollment
// id; the wizard gets only the public parameters, and a plan names the enrollment.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { FIDO2_RP_ID, type Fido2Params } from '../../shared/plan/plan-schema';
import { fido2Error } from './fido2-error';
import type { KeyList, SecurityKeyInfo, SecurityKeys, TouchNotice } from './security-keys';

interface HeldEnrollment {
  readonly deviceId: string;
  readonly params: Fido2Params;
  readonly secret: Buffer;
}

/** Enrollments kept at once; the oldest is forgotten (and wiped) beyond this. */
const MAX_HELD = 4;
/** systemd names the FIDO2 user after the volume; ours is the user data. */
const USER_NAME = 'userdata';

export class HelperFido2 {
  private readonly held = new Map<string, HeldEnrollment>();
  private known = new Map<string, SecurityKeyInfo>();

  constructor(private readonly keys: SecurityKeys) {}

  async list(): Promise<KeyList> {
    const list = await this.keys.list();
    this.known = new Map(list.keys.map((k) => [k.id, k]));
    return list;
  }

  /** Enrolls the key `deviceId`; `pin` (bytes, wiped by the caller) is required when the key has one. */
  async enroll(
    deviceId: string,
    pin: Uint8Array | undefined,
    onTouch: TouchNotice,
  ): Promise<{ enrollmentId: string; params: Fido2Params; verified: boolean }> {
    const device = this.known.get(deviceId) ?? (await this.list()).keys.find((k) => k.id === deviceId);
    if (!device) throw fido2Error('fido2-no-device', 'no such security key (was it unplugged?)');
    if (device.hasPin && (pin === undefined || pin.length === 0)) throw fido2Error('fido2-pin-required', 'this security key needs its PIN');
    const usePin = device.hasPin ? pin : undefined;
    const { credentialId } = await this.keys.makeCredential(
      { deviceId, pin: usePin, rpId: FIDO2_RP_ID, userName: USER_NAME, userId: randomBytes(32), clientDataHash: randomBytes(32) },
      onTouch,
    );
    const salt = randomBytes(32);
    const secret = Buffer.from(
      await this.keys.hmacSecret(
        { deviceId, pin: usePin, rpId: FIDO2_RP_ID, credentialId, salt, clientDataHash: randomBytes(32), userPresence: true },
        onTouch,
      ),
    );
    if (secret.length !== 32) {
      secret.fill(0);
      throw fido2Error('fido2-failed', 'the security key gave no hmac-secret');
    }
    const params: Fido2Params = {
      credential: Buffer.from(credentialId).toString('base64'),
      salt: salt.toString('base64'),
      rp: FIDO2_RP_ID,
      clientPinRequired: usePin !== undefined,
      upRequired: true,
      uvRequired: false,
    };
    const enrollmentId = randomBytes(16).toString('base64url');
    this.held.set(enrollmentId, { deviceId, params, secret });
    while (this.held.size > MAX_HELD) this.forget(this.held.keys().next().value!);
    return { enrollmentId, params, verified: true };
  }

  /** A fresh assertion must give the secret held for the enrollment ("test your key"). */
  async verify(enrollmentId: string, pin: Uint8Array | undefined, onTouch: TouchNotice): Promise<boolean> {
    const held = this.held.get(enrollmentId);
    if (!held) throw fido2Error('fido2-failed', 'no such enrollment');
    if (held.params.clientPinRequired && (pin === undefined || pin.length === 0))
      throw fido2Error('fido2-pin-required', 'this security key needs its PIN');
    const again = Buffer.from(
      await this.keys.hmacSecret(
        {
          deviceId: held.deviceId,
          pin: held.params.clientPinRequired ? pin : undefined,
          rpId: FIDO2_RP_ID,
          credentialId: Buffer.from(held.params.credential, 'base64'),
          salt: Buffer.from(held.params.salt, 'base64'),
          clientDataHash: randomBytes(32),
          userPresence: held.params.upRequired,
        },
        onTouch,
      ),
    );
    const verified = again.length === held.secret.length && timingSafeEqual(again, held.secret);
    again.fill(0);
    return verified;
  }

  has(enrollmentId: string): boolean {
    return this.held.has(enrollmentId);
  }

  /** The enrollment's parameters and a copy of S (the caller wipes it); null when unknown. */
  secretOf(enrollmentId: string): { params: Fido2Params; secret: Buffer } | null {
    const held = this.held.get(enrollmentId);
    return held ? { params: held.params, secret: Buffer.from(held.secret) } : null;
  }

  forget(enrollmentId: string): void {
    const held = this.held.get(enrollmentId);
    if (!held) return;
    held.secret.fill(0);
    this.held.delete(enrollmentId);
  }

  forgetAll(): void {
    for (const id of [...this.held.keys()]) this.forget(id);
  }
}
