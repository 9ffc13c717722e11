// Which USB sticks may take the key file: those whose file system can hold it and, when the
// organization's answers file fixes the method to usb-key, only the stick it names
// (docs/protocol.md §12.1). The list, the unattended run and the page's checks all ask here.
import { answersUsbStick, isNamedStick } from '../../shared/answers/answers-policy';
import type { AnswersUsbStick } from '../../shared/answers/answers-schema';
import type { UsbDrive } from '../../shared/protocol/usb-messages';
import { offeredAnswers } from './answers';
import type { BootState } from './types';

/** Sticks that can take the key file and are the one the answers name. */
export function usableNamedSticks(drives: readonly UsbDrive[], named: AnswersUsbStick): UsbDrive[] {
  return drives.filter((d) => choosable(d, named));
}

/** The stick the answers file names for the key, when it fixes the method to usb-key. */
export function namedStickOf(boot: Pick<BootState, 'helper'>): AnswersUsbStick | null {
  const answers = offeredAnswers(boot);
  return answers ? answersUsbStick(answers) : null;
}

/** Whether a listed stick may be chosen: it can take a key file, and is the named one if any. */
export function choosable(drive: UsbDrive, named: AnswersUsbStick | null): boolean {
  return drive.problem === null && (named === null || isNamedStick(named, drive));
}
