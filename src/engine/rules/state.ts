/**
 * The internal state a fitted θ̂ needs for everything computed after the fit (sensitivities,
 * influence, the new-point pull): the standardised data, the rule's objective and buffers that
 * describe θ̂ to second order. Taken from the fit when it is at hand, rebuilt otherwise (e.g. for
 * a FitResult that crossed a worker boundary).
 */
import { fitInternals, type FitInternals } from '../fit';
import { createLikelihoodWorkspace } from '../likelihood';
import { standardize, toInternalLogTheta } from '../standardize';
import type { Dataset, FitResult } from '../types';
import { createRuleObjective } from './objective';
import { internalPrior } from './prior';

/** The fit's internal state, with the objective's buffers evaluated to order 2 at θ̂. */
export function fitState(data: Dataset, fit: FitResult): FitInternals {
  let state = fitInternals(fit);
  if (!state) {
    const { x, y, map } = standardize(data);
    const workspace = createLikelihoodWorkspace(fit.kernel, x, y);
    const prior = fit.prior && internalPrior(fit.prior, map);
    state = {
      workspace,
      map,
      internalLogTheta: toInternalLogTheta(fit.logTheta, map),
      objective: createRuleObjective(fit.rule, workspace, prior),
      origin: 'search',
      startIndex: null,
    };
  }
  const { objective, internalLogTheta } = state;
  const evaluated = objective.loo ?? state.workspace;
  const current = evaluated.evaluatedLogTheta;
  if (
    evaluated.evaluatedOrder !== 2 ||
    !current ||
    current.some((value, i) => value !== internalLogTheta[i])
  ) {
    objective.evaluate(internalLogTheta, 2);
  }
  return state;
}
