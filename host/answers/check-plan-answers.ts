// docs/protocol.md §5.4 and §12.5, with an answers file: a plan names the file the helper offers (by digest) and keeps
// every section it fixes; without an offered file a plan names none. What the plan then carries
// into application: the organization, and where to escrow its recovery key.
import { planAnswersProblems } from '../../shared/answers/answers-policy';
import type { PlanPayload } from '../../shared/plan/plan-schema';
import type { PlanAnswersUse } from '../apply/step-types';
import { reject, type Rejection } from '../verify/rejection';
import type { LoadedAnswers } from './load-answers';

export type PlanAnswersCheck =
  { readonly ok: true; readonly use: PlanAnswersUse | null } | { readonly ok: false; readonly rejection: Rejection };

const refused = (path: string, problem: string): PlanAnswersCheck => ({
  ok: false,
  rejection: reject('invalid-plan', 'the plan does not follow the answers file', [{ path, problem }]),
});

export function checkPlanAnswers(plan: PlanPayload, loaded: LoadedAnswers | null): PlanAnswersCheck {
  const offered = loaded?.status === 'offered' ? loaded : null;
  if (!offered) return plan.answers ? refused('/answers/digest', 'this helper offers no answers file') : { ok: true, use: null };
  if (!plan.answers)
    return refused('/answers', `required: this machine's answers file (digest ${offered.digest}) decides part of the plan`);
  if (plan.answers.digest !== offered.digest) return refused('/answers/digest', 'not the answers file this helper offers');
  const problems = planAnswersProblems(plan, offered.answers);
  if (problems.length > 0) return { ok: false, rejection: reject('invalid-plan', 'the plan does not follow the answers file', problems) };
  const { escrow, organization } = offered.answers;
  return {
    ok: true,
    use: {
      digest: offered.digest,
      keyId: offered.keyId,
      organization,
      ...(escrow ? { escrow: { publicKey: escrow.publicKey, source: offered.source, answersDigest: offered.digest } } : {}),
    },
  };
}
