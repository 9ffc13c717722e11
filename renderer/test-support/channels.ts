// The contract's channel names without importing the contract's zod schemas at run time. A
// record over Channel, so that a channel added to the contract and left out here does not compile.
import type { Channel } from '../../shared/ipc/contract';

const ALL: Readonly<Record<Channel, true>> = {
  'app.info': true,
  'app.restart': true,
  'helper.info': true,
  'install.start': true,
  'install.attach': true,
  'install.retry': true,
  'fido2.devices': true,
  'fido2.enroll': true,
  'fido2.verify': true,
  'usb.drives': true,
  'wizardState.load': true,
  'wizardState.save': true,
  'wizardState.clear': true,
  'log.export': true,
};

export const CHANNEL_NAMES: readonly Channel[] = Object.keys(ALL) as Channel[];
