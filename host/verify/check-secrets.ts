// docs/protocol.md §5.5 after the seal opened: the secrets fit the plan and the rules of secret-policy.
// Problems are named by pointer into the sealed plaintext, never quoted.
import type { PlanPayload, PlanProblem } from '../../shared/plan/plan-schema';
import {
  PASSPHRASE_MAX_CODE_POINTS,
  PASSPHRASE_MAX_UTF8_BYTES,
  PASSPHRASE_MIN_CODE_POINTS,
  controlCharacters,
  passphraseProblem,
} from '../../shared/plan/secret-policy';
import type { SealedSecrets } from '../../shared/protocol/seal';
import { base64 } from '../../shared/util/bytes';
import { reject, type Rejection } from './rejection';

export function checkSecrets(plan: PlanPayload, secrets: SealedSecrets): Rejection | null {
  const enc = plan.encryption;
  const sealedMethod =
    'passphrase' in secrets ? 'passphrase' : 'fido2Secret' in secrets || 'fido2Enrollment' in secrets ? 'fido2' : 'usb-key';
  if (enc.method !== sealedMethod) {
    return reject('bad-seal', 'the sealed secrets do not match encryption.method', [
      { path: '/encryption/sealed', problem: `expected the secret of method ${enc.method}` },
    ]);
  }
  const problems: PlanProblem[] = [];
  if ('passphrase' in secrets) {
    const p = passphraseProblem(secrets.passphrase);
    if (p === 'too-short')
      problems.push({ path: '/encryption/sealed/passphrase', problem: `shorter than ${PASSPHRASE_MIN_CODE_POINTS} characters` });
    if (p === 'too-long')
      problems.push({
        path: '/encryption/sealed/passphrase',
        problem: `longer than ${PASSPHRASE_MAX_CODE_POINTS} characters or ${PASSPHRASE_MAX_UTF8_BYTES} bytes of UTF-8`,
      });
    // Named even next to a length problem (passphraseProblem names only the first).
    if (controlCharacters(secrets.passphrase).length > 0)
      problems.push({ path: '/encryption/sealed/passphrase', problem: 'contains a control character' });
  } else if ('fido2Secret' in secrets && base64.decode(secrets.fido2Secret)?.length !== 32) {
    problems.push({ path: '/encryption/sealed/fido2Secret', problem: 'expected 32 bytes' });
  }
  if (enc.recoveryKey && !secrets.recoveryKey)
    problems.push({ path: '/encryption/sealed/recoveryKey', problem: 'missing although encryption.recoveryKey is true' });
  if (!enc.recoveryKey && secrets.recoveryKey)
    problems.push({ path: '/encryption/sealed/recoveryKey', problem: 'present although encryption.recoveryKey is false' });
  return problems.length > 0 ? reject('invalid-plan', 'the sealed secrets break the secret rules', problems) : null;
}
