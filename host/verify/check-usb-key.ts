// Protocol 1.1, after the secrets: a `usb-key` plan names a stick that is plugged in now and
// whose existing file system can take a key file. Otherwise the plan is refused before anything
// is written (`invalid-plan`, /encryption/usbKey), and the stick is left as it is.
import type { PlanPayload } from '../../shared/plan/plan-schema';
import { findChosenStick } from '../usb/chosen-stick';
import type { StickSource } from '../usb/sticks';
import { reject, type Rejection } from './rejection';

export async function checkUsbKey(plan: PlanPayload, sticks: StickSource): Promise<Rejection | null> {
  const choice = plan.encryption.usbKey;
  if (plan.encryption.method !== 'usb-key' || !choice) return null;
  const found = await findChosenStick(sticks, choice);
  return found.ok ? null : reject('invalid-plan', 'the USB stick for the key cannot take it', [{ path: '/encryption/usbKey', problem: found.problem }]);
}
