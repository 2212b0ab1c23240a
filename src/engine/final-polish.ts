/**
 * The last Newton steps at the chosen maximum, where K is ill-conditioned: pure Newton steps in the
 * free directions, judged by the gradient alone, while each step is less than half the one before
 * (Newton's quadratic convergence), so that θ̂ ends where rounding, not the line search, limits it
 * (docs/numerics.md, "Convergence at attainable precision").
 *
 * Why: the polish (newton.ts) accepts a step when the objective does not fall by more than its
 * estimated rounding error. Within about 1e-6 of a maximum the gain of the remaining step (~1e-11)
 * is far below L's actual rounding on nearly singular K, so full steps are refused at random and
 * halved ones crawl until the polish counts itself stalled. Measured on exact samples of a smooth
 * function (RBF, 20 points, σn on its floor, κ₁ = 2.2e9): θ̂ was left 5e-7 from the maximum in
 * log ℓ and 3e-6 in log σf, with the free gradient at 3e-5 where float64 resolves it to 1e-8 —
 * and the sensitivities, evaluated there, were off by 4e-5 of a point's column where they are
 * accurate to 2e-6 at the maximum (test/engine/floor-refit-high-precision.test.ts). The gradient
 * keeps its digits long after the value has lost them, and a step that halves is one that the
 * gradient, not rounding, decided.
 */
import type { PolishResult } from './newton';
import { NotPositiveDefiniteError } from './linalg';
import type { Objective, ObjectiveEvaluation } from './objective';
import { maximumKind } from './optimum';
import { covarianceConditionOf } from './roundoff';
import { MEASURE_ABOVE_CONDITION } from './roundoff-check';
import { restrictedInverse3 } from './small3';
import type { LogTheta } from './types';

/** Newton steps at most: from ~1e-6, two reach float64's limit, a third confirms it. */
const MAX_STEPS = 3;
/** A step is Newton's, not rounding's, while it is below this fraction of the one before. */
const CONTRACTION = 0.5;

/** The Newton step −Z (ZᵀHZ)⁻¹ Zᵀ g in log θ, Z the maximum's free axes. */
function freeNewtonStep(evaluation: ObjectiveEvaluation, freeAxes: readonly LogTheta[]): LogTheta {
  const inverse = restrictedInverse3(evaluation.hessian!, freeAxes);
  const g = evaluation.gradient!;
  return inverse.map((row) => -(row[0] * g[0] + row[1] * g[1] + row[2] * g[2])) as LogTheta;
}

function largest(step: LogTheta): number {
  return Math.max(...step.map(Math.abs));
}

/**
 * `best` moved by pure Newton steps in its free directions (the held ones stay on their face)
 * while each step is less than CONTRACTION of the previous one, at most MAX_STEPS; `best` itself
 * where K is well conditioned (there the line search still judges the steps, and the polish ends
 * within its last, untaken step below 1e-9), where it is not a strict maximum, or where the first
 * step does not contract. The result's evaluation is of order 2 at its point; the objective's
 * buffers may describe another point.
 */
export function polishToRoundingLimit(objective: Objective, best: PolishResult): PolishResult {
  if (covarianceConditionOf(best.evaluation.roundoff) <= MEASURE_ABOVE_CONDITION) return best;
  const { strict, freeAxes } = maximumKind(best);
  if (!strict || freeAxes.length === 0) return best;
  let evaluation = best.evaluation;
  let step = freeNewtonStep(evaluation, freeAxes);
  let taken = 0;
  for (let iteration = 0; iteration < MAX_STEPS; iteration++) {
    const trial = evaluation.logTheta.map((value, i) => value + step[i]!) as LogTheta;
    let next: ObjectiveEvaluation;
    try {
      next = objective.evaluate(trial, 2);
    } catch (error) {
      if (error instanceof NotPositiveDefiniteError) break;
      throw error;
    }
    const nextStep = freeNewtonStep(next, freeAxes);
    if (!(largest(nextStep) < CONTRACTION * largest(step))) break;
    evaluation = next;
    step = nextStep;
    taken++;
  }
  // The steps taken were evaluated: θ̂'s evaluation is no longer a model.
  return taken === 0
    ? best
    : { ...best, evaluation, steps: best.steps + taken, finishedWithStep: false };
}
