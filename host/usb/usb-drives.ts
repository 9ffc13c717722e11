// Sticks as the protocol's `usb-drives` lists them: each with whether it can take a key file.
import type { UsbDrive } from '../../shared/protocol/usb-messages';
import type { Logger } from '../log/logger';
import { stickProblem, type StickSource } from './sticks';

const cut = (s: string | null, n: number): string | null => (s === null ? null : s.slice(0, n));

export async function listUsbDrives(sticks: StickSource, log: Logger): Promise<UsbDrive[]> {
  let found;
  try {
    found = await sticks.list();
  } catch (e) {
    log.warn('usb-list-failed', { problem: (e as Error).message });
    return [];
  }
  return found.slice(0, 64).map((s) => ({
    id: s.id.slice(0, 256),
    label: cut(s.label, 64),
    sizeBytes: s.sizeBytes,
    vendor: cut(s.vendor, 64),
    model: cut(s.model, 128),
    fsType: cut(s.fsType, 32),
    fsUuid: s.fsUuid !== null && /^[0-9A-Fa-f-]{4,64}$/.test(s.fsUuid) ? s.fsUuid : null,
    problem: stickProblem(s),
  }));
}
