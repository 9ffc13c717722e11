// The protocol's meaning, apart from sockets and framing: what `hello` says, and how `plan`,
// `attach` and `retry` are answered. A connection calls these and writes the frames they return.
import { totalmem } from 'node:os';
import type { Catalog } from '../../shared/plan/catalog';
import { answersOffer, type LoadedAnswers } from '../answers/load-answers';
import { PROTOCOL_VERSION, SEAL_SUITE, type Accepted, type ErrorFrame, type Hello, type Result } from '../../shared/protocol/messages';
import { PROTOCOL_MINOR } from '../../shared/protocol/minor';
import type { UsbDrives } from '../../shared/protocol/usb-messages';
import { listUsbDrives } from '../usb/usb-drives';
import type { RemovableDrives } from '../usb/removable-drives';
import type { HelperFido2 } from '../fido2/helper-fido2';
import { Fido2Requests } from './fido2-requests';
import type { PlanRunner, PlanView, RunnerListener } from '../apply/plan-runner';
import type { Executor } from '../exec/executor';
import type { MachineFacts } from '../facts/machine-facts';
import type { Mutex } from '../fs/mutex';
import type { TrustedKeys } from '../keys/trusted-keys';
import type { Logger } from '../log/logger';
import type { SessionTable } from '../session/session-table';
import { HelloState } from '../state/helper-state';
import { probeTarget } from '../target/probe-target';
import { targetSizeOrZero } from '../target/target-size';
import { targetStamp } from '../target/target-stamp';
import { admitPlan } from '../verify/admit-plan';
import { errorFrame, reject } from '../verify/rejection';
import { verifyPlan } from '../verify/verify-plan';

export interface ServiceDeps {
  readonly sessions: SessionTable;
  readonly trusted: TrustedKeys;
  readonly catalog: Catalog;
  readonly runner: PlanRunner;
  readonly target: string;
  readonly exec: Executor;
  readonly log: Logger;
  readonly mutex: Mutex;
  readonly helperVersion: string;
  readonly answers: LoadedAnswers | null;
  /** The machine facts of docs/protocol.md §13.2, given what the target holds (hello's own probe). */
  readonly facts?: (found: readonly string[]) => Promise<MachineFacts>;
  readonly drives: RemovableDrives;
  /** Protocol 1.1: security keys plugged into the computer, and the enrollments held. */
  readonly securityKeys: HelperFido2;
}

/** What a connection sends back: an error, or `accepted` and then the plan's frames. */
export type FollowAnswer =
  | { readonly kind: 'error'; readonly frame: ErrorFrame }
  | { readonly kind: 'follow'; readonly accepted: Accepted; readonly result?: Result };

const follow = (view: PlanView): FollowAnswer => ({
  kind: 'follow',
  accepted: { type: 'accepted', planId: view.planId, steps: view.steps },
  ...(view.result ? { result: view.result } : {}),
});

export class ProvisioningService {
  private readonly helloState: HelloState;
  /** Protocol 1.1 `fido2-*` requests. */
  readonly fido2: Fido2Requests;

  constructor(private readonly deps: ServiceDeps) {
    this.fido2 = new Fido2Requests(deps.securityKeys, deps.sessions, deps.log);
    this.helloState = new HelloState({
      own: () => deps.runner.state(),
      probe: () => probeTarget(deps.target, deps.exec),
      stamp: () => targetStamp(deps.target),
    });
  }

  /** Takes no lock: a `hello` never waits behind another connection's probe or a plan's admission. */
  async hello(connectionId: number): Promise<Hello> {
    const { deps } = this;
    const userDataBytes = await targetSizeOrZero(deps.target, deps.exec);
    const session = await deps.sessions.open(connectionId, userDataBytes);
    const state = await this.helloState.current();
    const facts = deps.facts ? await deps.facts(this.helloState.signatures()) : {};
    return {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      minor: PROTOCOL_MINOR,
      helper: deps.helperVersion,
      session: session.id,
      nonce: session.nonce,
      expiresAt: new Date(session.expiresAtMs).toISOString(),
      seal: { suite: SEAL_SUITE, publicKey: session.seal!.publicKey },
      machine: { userDataBytes, memoryBytes: totalmem(), ...facts },
      catalog: deps.catalog,
      state,
      ...(deps.answers ? { answers: answersOffer(deps.answers) } : {}),
    };
  }

  async plan(message: { readonly [key: string]: unknown }, connectionId: number, listener: RunnerListener): Promise<FollowAnswer> {
    const { deps } = this;
    const verified = await verifyPlan(message, connectionId, deps);
    if (!verified.ok) {
      deps.log.warn('plan-refused', {
        connection: connectionId,
        code: verified.rejection.code,
        problem: verified.rejection.details?.[0]?.path,
      });
      return { kind: 'error', frame: errorFrame(verified.rejection) };
    }
    const admission = await deps.mutex.run(() =>
      admitPlan(verified.plan, verified.secrets, listener, { ...deps }, verified.enrolled?.secret),
    );
    verified.enrolled?.secret.fill(0);
    // The plan holds the security key's secret now; the enrollment is done with.
    if (admission.ok && verified.enrolled) deps.securityKeys.forget(verified.enrolled.id);
    if (!admission.ok) {
      deps.log.warn('plan-refused', { connection: connectionId, planId: verified.plan.planId, code: admission.rejection.code });
      return { kind: 'error', frame: errorFrame(admission.rejection) };
    }
    return follow(admission.view);
  }

  attach(planId: string, listener: RunnerListener): FollowAnswer {
    const view = this.deps.runner.attach(planId, listener);
    if (!view)
      return {
        kind: 'error',
        frame: errorFrame(reject('unknown-plan', 'no plan with this id is known', [{ path: '/planId', problem: 'unknown plan' }])),
      };
    return follow(view);
  }

  retry(planId: string, listener: RunnerListener): FollowAnswer {
    const answer = this.deps.runner.retry(planId, listener);
    switch (answer.kind) {
      case 'resumed':
        return follow(answer.view);
      case 'busy':
        return { kind: 'error', frame: errorFrame(reject('busy', 'the plan is being applied')) };
      case 'provisioned':
        return { kind: 'error', frame: errorFrame(reject('already-provisioned', 'this machine is already provisioned')) };
      case 'not-retryable':
        return {
          kind: 'error',
          frame: errorFrame(
            reject(
              'unknown-plan',
              'this plan cannot be retried (it did not fail retryably, or the helper no longer holds its secrets); send a new plan',
              [{ path: '/planId', problem: 'not retryable' }],
            ),
          ),
        };
      case 'unknown':
        return {
          kind: 'error',
          frame: errorFrame(reject('unknown-plan', 'no plan with this id is known', [{ path: '/planId', problem: 'unknown plan' }])),
        };
    }
  }

  /** Protocol 1.1 `usb-drives`: the removable drives plugged in now. */
  async usbDrives(): Promise<UsbDrives> {
    return { type: 'usb-drives', drives: await listUsbDrives(this.deps.drives.sticks, this.deps.log) };
  }

  unsubscribe(listener: RunnerListener): void {
    this.deps.runner.unsubscribe(listener);
  }

  connectionClosed(connectionId: number): void {
    this.deps.sessions.closeConnection(connectionId);
  }
}
