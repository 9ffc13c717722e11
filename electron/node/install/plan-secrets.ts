// Picks the secrets the plan seals from what the renderer sent at Install
// (docs/protocol.md §4.4, §14.2, §14.3): the passphrase, or the id of the security key's
// enrollment at the helper (which holds its secret), or nothing for a USB key (the helper makes
// its key), plus the recovery key when one was chosen (always, with FIDO2 and a USB key).
// Problems are reported by path, never with a value.
import type { Choices } from '../../../shared/plan/choices';
import type { Fido2Params } from '../../../shared/plan/plan-schema';
import { makesRecoveryKey } from '../../../shared/plan/unlock-methods';
import { passphraseProblem } from '../../../shared/plan/secret-policy';
import type { SealedSecrets } from '../../../shared/protocol/seal';
import type { HelperFido2Relay } from '../fido2/helper-fido2-relay';
import { IpcFailure } from '../ipc-error';

export interface InstallSecrets {
  readonly passphrase?: string;
  readonly fido2EnrollmentId?: string;
  readonly recoveryKey?: string;
}

export interface PlanSecrets {
  readonly sealed: SealedSecrets;
  readonly fido2: Fido2Params | null;
  /** The enrollment to forget once the plan is accepted. */
  readonly enrollmentId: string | null;
}

function badRequest(path: string, problem: string): IpcFailure {
  return new IpcFailure('ipc-bad-request', 'the install request lacks a secret it needs', [{ path, problem }]);
}

export function planSecrets(choices: Choices, secrets: InstallSecrets, fido2: HelperFido2Relay): PlanSecrets {
  const wantsRecoveryKey = makesRecoveryKey(choices.encryption);
  if (wantsRecoveryKey && secrets.recoveryKey === undefined)
    throw badRequest('/secrets/recoveryKey', 'required for this encryption choice');
  const recoveryKey = wantsRecoveryKey ? { recoveryKey: secrets.recoveryKey } : {};

  if (choices.encryption.method === 'passphrase') {
    if (secrets.passphrase === undefined) throw badRequest('/secrets/passphrase', 'required for passphrase encryption');
    const problem = passphraseProblem(secrets.passphrase);
    if (problem) throw badRequest('/secrets/passphrase', problem);
    return { sealed: { passphrase: secrets.passphrase, ...recoveryKey }, fido2: null, enrollmentId: null };
  }

  if (choices.encryption.method === 'usb-key') {
    // The helper makes the key file's key on the host: only the recovery key is sealed.
    if (choices.encryption.usbKey === undefined) throw badRequest('/choices/encryption/usbKey', 'required for a USB key');
    return { sealed: { recoveryKey: secrets.recoveryKey! }, fido2: null, enrollmentId: null };
  }

  if (secrets.fido2EnrollmentId === undefined) throw badRequest('/secrets/fido2EnrollmentId', 'required for FIDO2 encryption');
  // The helper enrolled the key and holds its secret: the plan names the enrollment.
  const { params, enrollmentId } = fido2.enrollmentFor(secrets.fido2EnrollmentId);
  return { sealed: { fido2Enrollment: enrollmentId, ...recoveryKey }, fido2: params, enrollmentId };
}
