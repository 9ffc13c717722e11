// The security key, at the helper (protocol 1.1; docs/decisions/082-fido2-at-the-helper.md):
// the key is plugged into the computer, which only the helper reaches. The wizard asks it to list
// keys, enroll one and test it; the PIN travels sealed to the helper's session, "touch your key"
// arrives as `fido2-prompt` frames and goes on to the page as an event, and the secret never
// leaves the helper: the wizard keeps only the enrollment id and its public parameters.
import type { Fido2Device, Fido2Enrollment, InstallEvent } from '../../../shared/ipc/contract';
import type { Fido2Params } from '../../../shared/plan/plan-schema';
import type { HelperMessage, WizardMessage } from '../../../shared/protocol/messages';
import { sealPin } from '../../../shared/protocol/seal';
import { ask, openHelperSession, type HelperTimeouts } from '../helper/helper-client';
import { IpcFailure } from '../ipc-error';
import type { Transport } from '../transport/transport';

/** How long a person may take to enter the PIN and touch the key, twice. */
const CEREMONY_MS = 180_000;
/** Enrollments remembered at once (as many as the helper holds). */
const MAX_HELD = 4;

export class HelperFido2Relay {
  private readonly enrolled = new Map<string, Fido2Params>();

  constructor(
    private readonly transport: Transport,
    private readonly emit: (event: InstallEvent) => void,
    private readonly timeouts: HelperTimeouts,
  ) {}

  async devices(): Promise<{ devices: Fido2Device[]; toolsMissing: boolean }> {
    const answer = await ask(this.transport, { type: 'fido2-devices' }, 'fido2-devices', this.timeouts);
    return { devices: answer.keys, toolsMissing: answer.toolsMissing };
  }

  async enroll(deviceId: string, pin: string | undefined): Promise<Fido2Enrollment> {
    const answer = await this.ceremony((sealed) => ({ type: 'fido2-enroll', deviceId, pin: sealed }), pin, 'fido2-enrolled');
    this.enrolled.set(answer.enrollmentId, answer.params);
    while (this.enrolled.size > MAX_HELD) this.enrolled.delete(this.enrolled.keys().next().value!);
    return { enrollmentId: answer.enrollmentId, params: answer.params, verified: answer.verified };
  }

  async verify(enrollmentId: string, pin: string | undefined): Promise<{ verified: boolean }> {
    const answer = await this.ceremony((sealed) => ({ type: 'fido2-verify', enrollmentId, pin: sealed }), pin, 'fido2-verified');
    return { verified: answer.verified };
  }

  /** What a plan names: the enrollment and its public parameters (the secret stays at the helper). */
  enrollmentFor(enrollmentId: string): { params: Fido2Params; enrollmentId: string } {
    const params = this.enrolled.get(enrollmentId);
    if (!params) throw new IpcFailure('unknown-enrollment', 'no such security key enrollment (the wizard may have restarted)');
    return { params, enrollmentId };
  }

  /** The helper took the enrollment into a plan: it is gone there, so here too. */
  forget(enrollmentId: string): void {
    this.enrolled.delete(enrollmentId);
  }

  forgetAll(): void {
    this.enrolled.clear();
  }

  /** One request on a session of its own: the PIN sealed to it, touch prompts passed on, one answer. */
  private async ceremony<T extends 'fido2-enrolled' | 'fido2-verified'>(
    request: (sealedPin: { enc: string; ct: string } | null) => WizardMessage,
    pin: string | undefined,
    type: T,
  ): Promise<Extract<HelperMessage, { type: T }>> {
    const session = await openHelperSession(this.transport, this.timeouts);
    try {
      const { hello } = session;
      const sealed = pin === undefined || pin === '' ? null : await sealPin(hello.seal.publicKey, hello.session, hello.nonce, pin);
      await session.connection.send(request(sealed));
      for (;;) {
        const frame = await session.connection.next(CEREMONY_MS);
        if (frame.type === 'fido2-prompt') {
          this.emit({ kind: 'fido2', prompt: frame.prompt });
          continue;
        }
        if (frame.type === 'error') throw new IpcFailure(frame.code, frame.message, frame.details);
        if (frame.type !== type)
          throw new IpcFailure(
            'helper-protocol',
            `the helper answered ${type.replace('-enrolled', '-enroll').replace('-verified', '-verify')} with ${frame.type}`,
          );
        return frame as Extract<HelperMessage, { type: T }>;
      }
    } catch (e) {
      if (e instanceof IpcFailure) throw e;
      throw new IpcFailure('helper-unreachable', 'the connection to the helper ended during the security-key request');
    } finally {
      session.connection.close();
    }
  }
}
