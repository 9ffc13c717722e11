// The install flow of the main process (docs/protocol.md §3.1): `helper.info` reads a hello;
// `install.start` connects, reads a fresh hello, builds, seals and signs the plan, sends it and
// answers with the helper's `accepted` (or its `error`, typed); `install.attach` and
// `install.retry` send those messages. After an answer a PlanFollower streams the plan's
// events. Secrets live only for the duration of `start` and are dropped once accepted.
import type { HelperInfo, InstallEvent, InstallStarted } from '../../../shared/ipc/contract';
import type { Choices } from '../../../shared/plan/choices';
import type { Hello, StepStatus } from '../../../shared/protocol/messages';
import type { Clock } from '../clock';
import type { HelperFido2Relay } from '../fido2/helper-fido2-relay';
import type { FrameConnection } from '../helper/frame-connection';
import { DEFAULT_HELPER_TIMEOUTS, ask, openHelperSession, request, type HelperTimeouts, type StartAnswer } from '../helper/helper-client';
import type { UsbDrive } from '../../../shared/protocol/usb-messages';
import { IpcFailure } from '../ipc-error';
import { silentLogger, type Logger } from '../log';
import type { Signer } from '../../../shared-node/crypto/envelope-signer';
import type { Transport } from '../transport/transport';
import { DEFAULT_REATTACH, PlanFollower, type ReattachPolicy } from './plan-follower';
import { planSecrets, type InstallSecrets } from './plan-secrets';
import { buildSignedPlan } from './signed-plan';

export interface InstallDeps {
  readonly transport: Transport;
  /** Loads the signing key on first use; throws `signing-key-missing`. */
  readonly signer: () => Signer;
  readonly fido2: HelperFido2Relay;
  readonly clock: Clock;
  readonly emit: (event: InstallEvent) => void;
  readonly log?: Logger;
  readonly timeouts?: HelperTimeouts;
  readonly reattach?: ReattachPolicy;
}

export interface StartRequest {
  readonly installId: string;
  readonly choices: Choices;
  readonly secrets: InstallSecrets;
}

export class InstallService {
  private follower: PlanFollower | null = null;
  private starting = false;
  private readonly log: Logger;
  private readonly timeouts: HelperTimeouts;

  constructor(private readonly deps: InstallDeps) {
    this.log = deps.log ?? silentLogger;
    this.timeouts = deps.timeouts ?? DEFAULT_HELPER_TIMEOUTS;
  }

  async helperInfo(): Promise<HelperInfo> {
    // Without the key nothing can be installed: say so at start-up, not at the last step.
    this.deps.signer();
    const { hello, connection } = await openHelperSession(this.deps.transport, this.timeouts);
    connection.close();
    const { state } = hello;
    if (state.phase === 'unavailable') {
      // The helper answers but cannot use the disk yet (busy, unreadable): the wizard waits, as for a helper not up yet.
      throw new IpcFailure('helper-unreachable', 'the helper cannot use the user-data disk yet', [
        { path: '/state', problem: state.reason },
      ]);
    }
    return {
      protocol: hello.protocol,
      helper: hello.helper,
      machine: hello.machine,
      catalog: hello.catalog,
      state,
      ...(hello.answers ? { answers: hello.answers } : {}),
    };
  }

  /** Protocol 1.1: the removable drives plugged into the computer, as the helper sees them. */
  async usbDrives(): Promise<{ drives: UsbDrive[] }> {
    const answer = await ask(this.deps.transport, { type: 'usb-drives' }, 'usb-drives', this.timeouts);
    return { drives: answer.drives };
  }

  async start(req: StartRequest): Promise<InstallStarted> {
    if (this.starting) throw new IpcFailure('busy', 'an install request is already being sent');
    this.starting = true;
    try {
      const signer = this.deps.signer();
      const secrets = planSecrets(req.choices, req.secrets, this.deps.fido2);
      const session = await openHelperSession(this.deps.transport, this.timeouts);
      let plan;
      try {
        plan = await buildSignedPlan(
          {
            choices: req.choices,
            installId: req.installId,
            hello: session.hello,
            secrets: secrets.sealed,
            fido2: secrets.fido2,
            createdAt: this.deps.clock.now(),
          },
          signer,
        );
      } catch (e) {
        session.connection.close();
        throw e;
      }
      const answer = await request(session, { type: 'plan', envelope: plan.envelope }, this.timeouts);
      if (answer.type !== 'accepted') {
        session.connection.close();
        throw new IpcFailure('helper-protocol', `expected accepted from the helper, got ${answer.type}`);
      }
      if (answer.planId !== plan.planId) {
        session.connection.close();
        throw new IpcFailure('helper-protocol', 'the helper named the plan differently from its payload hash');
      }
      // Accepted: the helper holds the secrets now; main keeps none of them.
      if (secrets.enrollmentId) this.deps.fido2.forget(secrets.enrollmentId);
      this.log('install.accepted', { steps: answer.steps.length });
      this.follow(answer.planId, session.connection);
      return { planId: answer.planId, steps: answer.steps };
    } finally {
      this.starting = false;
    }
  }

  attach(planId: string): Promise<InstallStarted> {
    return this.resume('attach', planId);
  }

  retry(planId: string): Promise<InstallStarted> {
    return this.resume('retry', planId);
  }

  /** Stops following (shutdown). The helper carries on regardless. */
  close(): void {
    this.follower?.stop();
    this.follower = null;
  }

  private async resume(type: 'attach' | 'retry', planId: string): Promise<InstallStarted> {
    const session = await openHelperSession(this.deps.transport, this.timeouts);
    const answer = await request(session, { type, planId }, this.timeouts);
    if (answer.planId !== planId) {
      session.connection.close();
      throw new IpcFailure('helper-protocol', `the helper answered ${type} for another plan`);
    }
    const steps = answer.type === 'accepted' ? answer.steps : stepsFromHello(session.hello, planId);
    this.follow(planId, session.connection, answer.type === 'accepted' ? undefined : answer);
    return { planId, steps };
  }

  private follow(planId: string, connection: FrameConnection, first?: StartAnswer): void {
    this.follower?.stop();
    const follower = new PlanFollower(
      {
        transport: this.deps.transport,
        clock: this.deps.clock,
        timeouts: this.timeouts,
        policy: this.deps.reattach ?? DEFAULT_REATTACH,
        emit: this.deps.emit,
        log: this.log,
      },
      planId,
    );
    this.follower = follower;
    // After the answer has gone back: events never overtake the response they belong to.
    setImmediate(() => {
      follower.run(connection, first).catch(() => {
        // run() handles its own failures; nothing here may crash the main process
      });
    });
  }
}

function stepsFromHello(hello: Hello, planId: string): StepStatus[] {
  return 'planId' in hello.state && hello.state.planId === planId ? hello.state.steps : [];
}
