// Step 2 of the unlock: a USB stick with a key file (a spectrum-usb-key token). The stick is
// found by its file system's UUID among the removable drives, the key file is read read-only
// and tried on the token's keyslots. No stick, no file or a file that does not open falls through.
import type { UsbKeyToken } from '../luks/unlock-tokens';
import { readKeyFile } from '../usb/key-file';
import { StickFileError, type StickFiles } from '../usb/stick-files';
import type { StickSource } from '../usb/sticks';
import type { UnlockSteps } from './unlock-steps';

export async function unlockWithUsbKey(steps: UnlockSteps, sticks: StickSource, files: StickFiles, token: UsbKeyToken): Promise<boolean> {
  const { say, t } = steps;
  const wanted = token.fsUuid.toLowerCase();
  const stick = (await sticks.list().catch(() => [])).find((s) => s.fsUuid?.toLowerCase() === wanted && s.fsType === token.fsType);
  if (!stick) {
    say(t('unlock:usb.absent'));
    return false;
  }
  say(t('unlock:usb.reading', { label: stick.label ?? stick.model ?? stick.device }));
  let key: Buffer | null;
  try {
    key = await readKeyFile(files, stick, token.path);
  } catch (e) {
    if (!(e instanceof StickFileError)) throw e;
    key = null;
  }
  if (key === null) {
    say(t('unlock:usb.failed'));
    return false;
  }
  try {
    if (await steps.tryKeyOnSlots(key, token.keyslots)) return true;
  } finally {
    key.fill(0);
  }
  say(t('unlock:usb.failed'));
  return false;
}
