/**
 * One evaluation of the objective in the search coordinates φ = (log ℓ, log σf, log(σn/σf)) of
 * search-region.ts, as Newton's method (newton.ts) climbs it: g_φ = Tᵀg and H_φ = TᵀHT with
 * T = ∂ log θ/∂φ (SEARCH_AXES), and the gradient's rounding error carried over likewise.
 */
import { NotPositiveDefiniteError } from './linalg';
import type { Objective, ObjectiveEvaluation } from './objective';
import { fromSearchCoordinates, SEARCH_AXES, toSearchCoordinates } from './search-region';
import { zeroMatrix3 } from './small3';
import type { LogTheta, Matrix3 } from './types';

/** An evaluation with its gradient, Hessian and gradient rounding error in φ. */
export interface SearchPoint {
  phi: LogTheta;
  evaluation: ObjectiveEvaluation;
  gradient: LogTheta;
  hessian: Matrix3;
  gradientRoundoff: LogTheta;
}

/** vᵀ M w for 3-vectors and a 3×3 M. */
function bilinear(v: LogTheta, matrix: Matrix3, w: LogTheta): number {
  let sum = 0;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) sum += v[i]! * matrix[i]![j]! * w[j]!;
  return sum;
}

/** The evaluation's derivatives in φ: g_φ = Tᵀg, H_φ = TᵀHT with T = ∂ log θ/∂φ (SEARCH_AXES). */
export function toSearchPoint(evaluation: ObjectiveEvaluation, hessian: Matrix3): SearchPoint {
  const gradient = evaluation.gradient!;
  const axisGradient = SEARCH_AXES.map((axis) =>
    axis.reduce((sum, value, i) => sum + value * gradient[i]!, 0),
  ) as LogTheta;
  const searchHessian = zeroMatrix3();
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      searchHessian[i]![j as 0 | 1 | 2] = bilinear(SEARCH_AXES[i]!, hessian, SEARCH_AXES[j]!);
    }
  }
  const roundoff = evaluation.roundoff?.gradient ?? [0, 0, 0];
  return {
    phi: toSearchCoordinates(evaluation.logTheta),
    evaluation,
    gradient: axisGradient,
    hessian: searchHessian,
    gradientRoundoff: SEARCH_AXES.map((axis) =>
      axis.reduce((sum, value, i) => sum + Math.abs(value) * roundoff[i]!, 0),
    ) as LogTheta,
  };
}

export function safeEvaluate(
  objective: Objective,
  phi: LogTheta,
  order: 0 | 1 | 2,
): ObjectiveEvaluation | null {
  try {
    return objective.evaluate(fromSearchCoordinates(phi), order);
  } catch (error) {
    if (error instanceof NotPositiveDefiniteError) return null;
    throw error;
  }
}

/** An order-2 evaluation in φ, or null where K is singular. */
export function evaluatePoint(objective: Objective, phi: LogTheta): SearchPoint | null {
  const evaluation = safeEvaluate(objective, phi, 2);
  return evaluation && toSearchPoint(evaluation, evaluation.hessian!);
}
