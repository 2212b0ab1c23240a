/**
 * The objective of each selection rule over one dataset's likelihood buffers: what the fit
 * maximises and what the implicit-function sensitivities differentiate (docs/rules.md).
 *
 *   ml   L(θ) = log p(y | X, θ)                                  (likelihood.ts)
 *   map  L(θ) + log p(log θ)                                      (prior.ts)
 *   loo  Σᵢ log p(yᵢ | y₋ᵢ, X, θ)                                  (loo.ts)
 */
import { evaluateLikelihood, type LikelihoodWorkspace } from '../likelihood';
import type { Objective, ObjectiveEvaluation } from '../objective';
import type { LogTheta, Matrix3, SelectionRule } from '../types';
import { createLooWorkspace, evaluateLoo, type LooWorkspace } from './loo';
import { logPrior, type InternalPrior } from './prior';

/** A rule's objective in internal units, over a likelihood workspace it shares. */
export interface RuleObjective extends Objective {
  readonly rule: SelectionRule;
  readonly likelihood: LikelihoodWorkspace;
  /** The `map` rule's prior (null for the other rules). */
  readonly prior: InternalPrior | null;
  /** The `loo` rule's extra buffers (null for the other rules). */
  readonly loo: LooWorkspace | null;
  /** L at the point evaluated last (what FitResult.lml reports for every rule). */
  lastLikelihood: number;
  /**
   * What an order-2 evaluation leaves behind: `full`, every buffer the sensitivities read;
   * `hessian`, the Hessian alone, where that is cheaper (`loo`: two products instead of three),
   * for polishes whose maxima need no sensitivities. A fit sets it back to `full` once its polish
   * ends, so that the sensitivities (state.ts) evaluate every buffer.
   */
  secondOrder: 'full' | 'hessian';
}

/**
 * The objective of `rule` on the data of `likelihood` (internal units); `recycledLoo`, a `loo`
 * workspace of the same size no longer used, lends its buffers (createLooWorkspace).
 */
export function createRuleObjective(
  rule: SelectionRule,
  likelihood: LikelihoodWorkspace,
  prior: InternalPrior | null,
  recycledLoo: LooWorkspace | null = null,
): RuleObjective {
  if (rule === 'map' && !prior) throw new Error('the map rule needs a prior');
  const loo = rule === 'loo' ? createLooWorkspace(likelihood.n, recycledLoo) : null;
  const objective: RuleObjective = {
    rule,
    likelihood,
    prior: rule === 'map' ? prior : null,
    loo,
    lastLikelihood: Number.NaN,
    secondOrder: 'full',
    evaluate(logTheta, order) {
      if (loo) {
        const hessianOnly = objective.secondOrder === 'hessian';
        const evaluation = evaluateLoo(likelihood, loo, logTheta, order, hessianOnly);
        objective.lastLikelihood = loo.likelihood;
        return evaluation;
      }
      const evaluation = evaluateLikelihood(likelihood, logTheta, order);
      objective.lastLikelihood = evaluation.value;
      return rule === 'map' ? withPrior(evaluation, prior!) : evaluation;
    },
  };
  return objective;
}

/**
 * L + log p(log θ), with the prior's gradient and diagonal Hessian added to L's. The prior's terms
 * are exact to a few ulps, so L's rounding estimate stands for the sum.
 */
function withPrior(evaluation: ObjectiveEvaluation, prior: InternalPrior): ObjectiveEvaluation {
  const { value, gradient, hessianDiagonal } = logPrior(prior, evaluation.logTheta);
  return {
    logTheta: evaluation.logTheta,
    value: evaluation.value + value,
    gradient:
      evaluation.gradient && (evaluation.gradient.map((g, i) => g + gradient[i]!) as LogTheta),
    hessian:
      evaluation.hessian &&
      (evaluation.hessian.map((row, i) =>
        row.map((h, j) => (i === j ? h + hessianDiagonal[i]! : h)),
      ) as Matrix3),
    ...(evaluation.roundoff ? { roundoff: evaluation.roundoff } : {}),
  };
}
