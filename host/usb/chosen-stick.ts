// The stick a plan names (`encryption.usbKey`), found again among the removable drives: the
// same helper id and the same file system. Anything else is a clear problem, never a guess.
import type { UsbKeyChoice } from '../../shared/plan/usb-key';
import { stickProblem, type Stick, type StickSource } from './sticks';

export type ChosenStick = { readonly ok: true; readonly stick: Stick } | { readonly ok: false; readonly problem: string };

const PROBLEMS = {
  'no-file-system':
    'the USB stick has no file system: a key file is only written into an existing vfat, exfat or ext4 file system, and the stick is never formatted',
  'unsupported-file-system':
    "the USB stick's file system cannot hold a key file: use a stick with vfat, exfat or ext4 (it is never formatted)",
  'read-only': 'the USB stick is read-only: nothing can be written to it',
} as const;

export async function findChosenStick(sticks: StickSource, choice: UsbKeyChoice): Promise<ChosenStick> {
  const stick = (await sticks.list()).find((s) => s.id === choice.stick);
  if (!stick) return { ok: false, problem: 'the USB stick chosen for the key is not plugged in' };
  const problem = stickProblem(stick);
  if (problem) return { ok: false, problem: PROBLEMS[problem] };
  if (stick.fsUuid?.toLowerCase() !== choice.fsUuid.toLowerCase() || stick.fsType !== choice.fsType) {
    return { ok: false, problem: 'the USB stick in that place is not the one chosen (its file system differs)' };
  }
  return { ok: true, stick };
}
