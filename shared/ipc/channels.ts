// Channel names alone, without their schemas, so the preload can list them without bundling zod.
// contract.ts checks at compile time that this list and the contract's keys are the same.

export const CHANNEL_NAMES = [
  'app.info',
  'app.restart',
  'helper.info',
  'install.start',
  'install.attach',
  'install.retry',
  'fido2.devices',
  'fido2.enroll',
  'fido2.verify',
  'usb.drives',
  'wizardState.load',
  'wizardState.save',
  'wizardState.clear',
  'log.export',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const EVENT_CHANNEL = 'install.event';

/** The one ipcRenderer.invoke channel the preload uses; the contract channel travels as its
 * first argument, so main registers a single handler and the dispatcher does the rest. */
export const IPC_INVOKE_CHANNEL = 'ipc';
