// Protocol 1.1, after the secrets: a `usb-key` plan names a stick that is plugged in now and
// whose existing file system can take a key file, and, when the machine's answers file names a
// stick, that one (docs/protocol.md §12.5). Otherwise the plan is refused before anything is
// written (`invalid-plan`, /encryption/usbKey), and the stick is left as it is.
import { describeNamedStick, isNamedStick } from '../../shared/answers/answers-policy';
import type { AnswersUsbStick } from '../../shared/answers/answers-schema';
import type { PlanPayload } from '../../shared/plan/plan-schema';
import { findChosenStick } from '../usb/chosen-stick';
import type { StickSource } from '../usb/sticks';
import { reject, type Rejection } from './rejection';

export async function checkUsbKey(plan: PlanPayload, sticks: StickSource, named: AnswersUsbStick | null = null): Promise<Rejection | null> {
  const choice = plan.encryption.usbKey;
  if (plan.encryption.method !== 'usb-key' || !choice) return null;
  const found = await findChosenStick(sticks, choice);
  if (!found.ok)
    return reject('invalid-plan', 'the USB stick for the key cannot take it', [{ path: '/encryption/usbKey', problem: found.problem }]);
  if (named && !isNamedStick(named, found.stick)) {
    return reject('invalid-plan', 'the plan does not follow the answers file', [
      { path: '/encryption/usbKey', problem: `differs from the answers file, which names the USB stick with ${describeNamedStick(named)}` },
    ]);
  }
  return null;
}
