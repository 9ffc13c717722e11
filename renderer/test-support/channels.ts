// The contract's channel names without importing the contract's zod schemas at run time.
import type { Channel } from '../../shared/ipc/contract';

export const CHANNEL_NAMES: readonly Channel[] = [
  'app.info', 'app.restart', 'helper.info', 'install.start', 'install.attach', 'install.retry',
  'fido2.devices', 'fido2.enroll', 'fido2.verify', 'wizardState.load', 'wizardState.save', 'wizardState.clear', 'log.export',
];
