// A refused message: the `error` frame's code, English message and JSON-pointer details.
import type { ProtocolErrorCode } from '../../shared/protocol/error-codes';
import type { ErrorFrame } from '../../shared/protocol/messages';
import type { PlanProblem } from '../../shared/plan/plan-schema';

export interface Rejection {
  readonly code: ProtocolErrorCode;
  readonly message: string;
  readonly details?: readonly PlanProblem[];
}

export function reject(code: ProtocolErrorCode, message: string, details?: readonly PlanProblem[]): Rejection {
  return details && details.length > 0 ? { code, message, details } : { code, message };
}

export function errorFrame(r: Rejection): ErrorFrame {
  const details = r.details?.slice(0, 64).map((d) => ({ path: d.path.slice(0, 200), problem: d.problem.slice(0, 500) }));
  return { type: 'error', code: r.code, message: r.message.slice(0, 2000), ...(details && details.length > 0 ? { details } : {}) };
}
