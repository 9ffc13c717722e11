// The handlers of every channel of the IPC contract, made from injected dependencies so the
// same handlers serve Electron and the browser preview, and tests can swap any part.
import type { z } from 'zod';
import type { AppInfo, Channel, InstallEvent, IpcContract, ResponseOf } from '../../shared/ipc/contract';
import type { Clock } from './clock';
import type { WizardConfig } from './config';
import { HelperFido2Relay } from './fido2/helper-fido2-relay';
import { DEFAULT_HELPER_TIMEOUTS, type HelperTimeouts } from './helper/helper-client';
import { InstallService } from './install/install-service';
import type { ReattachPolicy } from './install/plan-follower';
import { silentLogger, type Logger } from './log';
import { exportLog } from './log-export';
import type { Signer } from '../../shared-node/crypto/envelope-signer';
import type { WizardStateStore } from './state/wizard-state-store';
import type { Transport } from './transport/transport';

/** A handler gets the request as the contract's schema parsed it. */
export type Handlers = {
  readonly [C in Channel]: (request: z.output<IpcContract[C]['request']>) => Promise<ResponseOf<C>>;
};

export interface Platform {
  readonly runtime: AppInfo['runtime'];
  readonly version: string;
  /** Restarts the wizard; false where that is not possible (the preview reloads itself). */
  readonly restart: () => boolean;
}

export interface HandlerDeps {
  readonly config: Pick<WizardConfig, 'sandbox' | 'simulatedFido2' | 'exportDir'>;
  readonly platform: Platform;
  readonly transport: Transport;
  /** Loads the signing key on first use; throws `signing-key-missing`. */
  readonly signer: () => Signer;
  readonly clock: Clock;
  readonly stateStore: WizardStateStore;
  readonly emit: (event: InstallEvent) => void;
  readonly log?: Logger;
  readonly timeouts?: HelperTimeouts;
  readonly reattach?: ReattachPolicy;
}

export interface HandlerSet {
  readonly handlers: Handlers;
  /** Stops following an install and wipes held FIDO2 secrets (shutdown). */
  close(): void;
}

export function createHandlers(deps: HandlerDeps): HandlerSet {
  const log = deps.log ?? silentLogger;
  const fido2 = new HelperFido2Relay(deps.transport, deps.emit, deps.timeouts ?? DEFAULT_HELPER_TIMEOUTS);
  const install = new InstallService({
    transport: deps.transport,
    signer: deps.signer,
    fido2,
    clock: deps.clock,
    emit: deps.emit,
    log,
    timeouts: deps.timeouts,
    reattach: deps.reattach,
  });

  const handlers: Handlers = {
    'app.info': async () => ({
      version: deps.platform.version,
      runtime: deps.platform.runtime,
      simulatedFido2: deps.config.simulatedFido2,
      sandbox: deps.config.sandbox,
    }),
    'app.restart': async () => ({ restarting: deps.platform.restart() }),
    'helper.info': () => install.helperInfo(),
    'install.start': (request) => install.start(request),
    'install.attach': ({ planId }) => install.attach(planId),
    'install.retry': ({ planId }) => install.retry(planId),
    'fido2.devices': () => fido2.devices(),
    'fido2.enroll': ({ deviceId, pin }) => fido2.enroll(deviceId, pin),
    'fido2.verify': ({ enrollmentId, pin }) => fido2.verify(enrollmentId, pin),
    'usb.drives': () => install.usbDrives(),
    'wizardState.load': () => deps.stateStore.load(),
    'wizardState.save': async (state) => {
      await deps.stateStore.save(state);
      return { saved: true };
    },
    'wizardState.clear': async () => ({ cleared: await deps.stateStore.clear() }),
    'log.export': async ({ text }) => ({ path: await exportLog(deps.config.exportDir, text, deps.clock.now()) }),
  };

  return {
    handlers,
    close() {
      install.close();
      fido2.forgetAll();
    },
  };
}
