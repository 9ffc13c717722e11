// FIDO2 enrollment as systemd-cryptenroll does it, run in the main process: make a credential
// for the rp `io.systemd.cryptsetup` with hmac-secret, draw a random 32-byte salt, and get the
// hmac-secret S with a verifying assertion. S (the LUKS keyslot passphrase, as standard
// base64) stays here, keyed by an opaque enrollment id; the renderer gets only the public
// parameters. The install flow takes S when it seals the plan and then forgets it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Fido2Device, Fido2Enrollment } from '../../../shared/ipc/contract';
import { FIDO2_RP_ID, type Fido2Params } from '../../../shared/plan/plan-schema';
import { IpcFailure } from '../ipc-error';
import { fido2Error, type Fido2Provider } from './fido2-provider';

interface HeldEnrollment {
  readonly deviceId: string;
  readonly params: Fido2Params;
  readonly secret: Buffer;
}

/** Enrollments kept at once; the oldest is forgotten (and wiped) beyond this. */
const MAX_HELD = 4;
/** systemd names the FIDO2 user after the volume; the wizard's volume is the user data. */
const USER_NAME = 'userdata';

export class Fido2Service {
  private readonly held = new Map<string, HeldEnrollment>();
  private lastDevices = new Map<string, Fido2Device>();

  constructor(private readonly provider: Fido2Provider) {}

  async devices(): Promise<{ devices: Fido2Device[]; toolsMissing: boolean }> {
    const list = await this.provider.listDevices();
    this.lastDevices = new Map(list.devices.map((d) => [d.id, d]));
    return { devices: list.devices, toolsMissing: list.toolsMissing };
  }

  async enroll(deviceId: string, pin: string | undefined): Promise<Fido2Enrollment> {
    const device = this.lastDevices.get(deviceId) ?? (await this.devices()).devices.find((d) => d.id === deviceId);
    if (!device) throw fido2Error('fido2-no-device', 'no such security key (was it unplugged?)');
    if (device.hasPin && (pin === undefined || pin === '')) throw fido2Error('fido2-pin-required', 'this security key needs its PIN');
    // A key without a PIN is enrolled without one; the assertion must then match (docs/protocol.md §8.1).
    const usePin = device.hasPin ? pin : undefined;

    const { credentialId } = await this.provider.makeCredential({
      deviceId,
      pin: usePin,
      rpId: FIDO2_RP_ID,
      userName: USER_NAME,
      userId: randomBytes(32),
      clientDataHash: randomBytes(32),
    });
    const salt = randomBytes(32);
    const secret = Buffer.from(
      await this.provider.hmacSecret({ deviceId, pin: usePin, rpId: FIDO2_RP_ID, credentialId, salt, clientDataHash: randomBytes(32), userPresence: true }),
    );
    if (secret.length !== 32) throw fido2Error('fido2-failed', 'the security key gave no hmac-secret');

    const params: Fido2Params = {
      credential: Buffer.from(credentialId).toString('base64'),
      salt: salt.toString('base64'),
      rp: FIDO2_RP_ID,
      clientPinRequired: usePin !== undefined,
      upRequired: true,
      uvRequired: false,
    };
    const enrollmentId = randomBytes(16).toString('base64url');
    this.hold(enrollmentId, { deviceId, params, secret });
    return { enrollmentId, params, verified: true };
  }

  /** A fresh assertion must give the secret held for the enrollment ("test your key"). */
  async verify(enrollmentId: string, pin: string | undefined): Promise<{ verified: boolean }> {
    const held = this.get(enrollmentId);
    if (held.params.clientPinRequired && (pin === undefined || pin === '')) throw fido2Error('fido2-pin-required', 'this security key needs its PIN');
    const again = Buffer.from(
      await this.provider.hmacSecret({
        deviceId: held.deviceId,
        pin: held.params.clientPinRequired ? pin : undefined,
        rpId: FIDO2_RP_ID,
        credentialId: Buffer.from(held.params.credential, 'base64'),
        salt: Buffer.from(held.params.salt, 'base64'),
        clientDataHash: randomBytes(32),
        userPresence: held.params.upRequired,
      }),
    );
    const verified = again.length === held.secret.length && timingSafeEqual(again, held.secret);
    again.fill(0);
    return { verified };
  }

  /** What the install flow seals: the public params and S as standard base64. */
  secretFor(enrollmentId: string): { params: Fido2Params; fido2Secret: string } {
    const held = this.get(enrollmentId);
    return { params: held.params, fido2Secret: held.secret.toString('base64') };
  }

  /** Wipes and forgets an enrollment (after the plan is accepted). */
  forget(enrollmentId: string): void {
    const held = this.held.get(enrollmentId);
    if (!held) return;
    held.secret.fill(0);
    this.held.delete(enrollmentId);
  }

  forgetAll(): void {
    for (const id of [...this.held.keys()]) this.forget(id);
  }

  private get(enrollmentId: string): HeldEnrollment {
    const held = this.held.get(enrollmentId);
    if (!held) throw new IpcFailure('unknown-enrollment', 'no such security key enrollment (the wizard may have restarted)');
    return held;
  }

  private hold(enrollmentId: string, enrollment: HeldEnrollment): void {
    this.held.set(enrollmentId, enrollment);
    while (this.held.size > MAX_HELD) this.forget(this.held.keys().next().value!);
  }
}
