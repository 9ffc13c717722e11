// Assembles the main process's services from its configuration: the transport the config
// names, the signing key, the state store, the event hub, one set of handlers and one
// dispatcher. Electron's main and the preview server both start here.
import { systemClock } from './clock';
import type { WizardConfig } from './config';
import { createDispatcher, type Dispatch } from './dispatcher';
import { EventHub } from './event-hub';
import { createHandlers, type Platform } from './handlers';
import { silentLogger, type Logger } from './log';
import { lazySigner } from './signing/signer';
import { WizardStateStore } from './state/wizard-state-store';
import type { Transport } from './transport/transport';
import { unixTransport } from './transport/unix-transport';
import { vsockTransport } from './transport/vsock-transport';

export interface WizardRuntime<S> {
  readonly dispatch: Dispatch<S>;
  readonly events: EventHub;
  close(): void;
}

export function transportFor(config: Pick<WizardConfig, 'transport'>): Transport {
  return config.transport.kind === 'unix' ? unixTransport(config.transport.path) : vsockTransport();
}

export function createWizardRuntime<S>(
  config: WizardConfig,
  platform: Platform,
  isTrustedSender: (sender: S) => boolean,
  log: Logger = silentLogger,
): WizardRuntime<S> {
  const events = new EventHub();
  const { handlers, close } = createHandlers({
    config,
    platform,
    transport: transportFor(config),
    signer: lazySigner(config.signingKeyPath),
    clock: systemClock,
    stateStore: new WizardStateStore(config.stateDir),
    emit: (event) => events.emit(event),
    log,
  });
  return { dispatch: createDispatcher(handlers, { isTrustedSender, log }), events, close };
}
