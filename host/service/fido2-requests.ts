// Protocol 1.1: `fido2-devices`, `fido2-enroll` and `fido2-verify` (docs/protocol.md §14.3).
// One security-key request at a time (a key does one thing at once); while the key waits for a
// touch the wizard gets `fido2-prompt`; a sealed PIN opens with the session of the connection it
// came on. Failures are `error` frames with the key's error code, and the connection stays open.
import { Fido2EnrollRequestSchema, Fido2VerifyRequestSchema } from '../../shared/protocol/fido2-messages';
import type { HelperMessage } from '../../shared/protocol/messages';
import { openSealedPin } from '../../shared/protocol/seal';
import { Fido2Error } from '../fido2/fido2-error';
import type { HelperFido2 } from '../fido2/helper-fido2';
import type { Logger } from '../log/logger';
import type { SessionTable } from '../session/session-table';
import { errorFrame, reject } from '../verify/rejection';

type Send = (message: HelperMessage) => void;
type SealedPin = { enc: string; ct: string } | null;

export class Fido2Requests {
  private busy = false;

  constructor(
    private readonly fido2: HelperFido2,
    private readonly sessions: SessionTable,
    private readonly log: Logger,
  ) {}

  async devices(): Promise<HelperMessage> {
    return this.exclusive(async () => {
      const list = await this.fido2.list();
      return { type: 'fido2-devices', keys: list.keys.slice(0, 32), toolsMissing: list.toolsMissing };
    });
  }

  async enroll(frame: unknown, connectionId: number, send: Send): Promise<HelperMessage> {
    const parsed = Fido2EnrollRequestSchema.safeParse(frame);
    if (!parsed.success) return malformed('fido2-enroll', parsed.error.issues[0]?.path);
    return this.withPin(parsed.data.pin, connectionId, async (pin) => {
      const touch = () => send({ type: 'fido2-prompt', prompt: 'touch' });
      const enrolled = await this.fido2.enroll(parsed.data.deviceId, pin, touch);
      this.log.info('fido2-enrolled', { connection: connectionId, pin: enrolled.params.clientPinRequired });
      return { type: 'fido2-enrolled', ...enrolled };
    });
  }

  async verify(frame: unknown, connectionId: number, send: Send): Promise<HelperMessage> {
    const parsed = Fido2VerifyRequestSchema.safeParse(frame);
    if (!parsed.success) return malformed('fido2-verify', parsed.error.issues[0]?.path);
    if (!this.fido2.has(parsed.data.enrollmentId)) {
      return errorFrame(
        reject('unknown-enrollment', 'no such security-key enrollment (the helper may have restarted): enroll again', [
          { path: '/enrollmentId', problem: 'unknown enrollment' },
        ]),
      );
    }
    return this.withPin(parsed.data.pin, connectionId, async (pin) => {
      const verified = await this.fido2.verify(parsed.data.enrollmentId, pin, () => send({ type: 'fido2-prompt', prompt: 'touch' }));
      return { type: 'fido2-verified', verified };
    });
  }

  /** Opens the sealed PIN (if any), runs `work` with it, and wipes it. */
  private withPin(
    sealed: SealedPin,
    connectionId: number,
    work: (pin: Uint8Array | undefined) => Promise<HelperMessage>,
  ): Promise<HelperMessage> {
    return this.exclusive(async () => {
      let pin: Uint8Array | undefined;
      if (sealed) {
        const session = this.sessions.ofConnection(connectionId);
        const opened = session?.seal ? await openSealedPin(session.seal.keyPair, session.id, session.nonce, sealed) : null;
        if (!opened)
          return errorFrame(
            reject('bad-seal', "the PIN does not open with this connection's session key", [{ path: '/pin', problem: 'does not open' }]),
          );
        pin = opened;
      }
      try {
        return await work(pin);
      } finally {
        pin?.fill(0);
      }
    });
  }

  private async exclusive(work: () => Promise<HelperMessage>): Promise<HelperMessage> {
    if (this.busy) return errorFrame(reject('busy', 'another security-key request is running'));
    this.busy = true;
    try {
      return await work();
    } catch (e) {
      if (e instanceof Fido2Error) {
        this.log.info('fido2-refused', { code: e.code });
        return errorFrame(reject(e.code, e.message));
      }
      throw e;
    } finally {
      this.busy = false;
    }
  }
}

function malformed(type: string, path: readonly PropertyKey[] | undefined): HelperMessage {
  const at = path && path.length > 0 ? `/${path.map(String).join('/')}` : '';
  return errorFrame(reject('fido2-failed', `a malformed ${type} message`, [{ path: at, problem: 'malformed' }]));
}
