// Turns whatever a step threw into the failure a `result` carries: a code of STEP_FAILURE_CODES,
// an English message with no secret in it, and whether `retry` may help.
import type { StepId } from '../../shared/plan/steps';
import { CommandNotFoundError } from '../exec/executor';
import { CommandFailedError } from '../luks/cryptsetup';
import type { Redactor } from '../log/redactor';
import { TargetUnreadableError } from '../target/target-size';
import { SecretsDroppedError } from './held-secrets';
import type { Failure } from './journal';
import { StepError } from './step-types';

export function describeFailure(step: StepId, e: unknown, redactor: Redactor): Failure {
  const clean = (m: string): string => redactor.redact(m).slice(0, 2000);
  if (e instanceof StepError) return { step, code: e.code, message: clean(e.message), retryable: e.retryable };
  if (e instanceof CommandFailedError) return { step, code: 'command-failed', message: clean(e.message), retryable: true };
  if (e instanceof CommandNotFoundError) return { step, code: 'command-failed', message: clean(e.message), retryable: true };
  if (e instanceof TargetUnreadableError) return { step, code: 'io', message: clean(e.message), retryable: true };
  if (e instanceof SecretsDroppedError) return { step, code: 'internal', message: e.message, retryable: false };
  const errno = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) {
    return { step, code: 'io', message: clean(`a file operation failed (${errno})`), retryable: true };
  }
  return { step, code: 'internal', message: `internal error in ${step}`, retryable: true };
}
