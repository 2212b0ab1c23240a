/**
 * The rounding error of the Hessian at θ̂ (of the rule's objective), measured: H at θ̂ against H at a point 1e-13 away in
 * log θ. The true change over that distance is ~1e-13 of H, far below what is measured here; the
 * rounding, by contrast, changes completely (it depends on every bit of ℓ, σf and σn). Only done
 * where K is ill-conditioned enough for it to matter (κ̂ > MEASURE_ABOVE_CONDITION): on nearly
 * noise-free data, where the curvature's terms cancel to many digits and its error grows faster
 * than u·κ̂ (measured: about 1e-5 of |H| at σn/σf = 1e-4, n = 300, RBF, and all of it at 1e-6).
 */
import { NotPositiveDefiniteError } from './linalg';
import { covarianceConditionOf } from './roundoff';
import type { Objective, ObjectiveEvaluation } from './objective';
import type { MixedPartials } from './rules/ml-partials';
import type { LogTheta, Matrix3 } from './types';

/** Below this estimated condition number of K the Hessian keeps ~8 digits or more: not measured. */
export const MEASURE_ABOVE_CONDITION = 1e6;
const OFFSET: LogTheta = [1e-13, -1e-13, 1e-13];

/**
 * ΔH between `at` (an order-2 evaluation) and one beside it: one sample of the Hessian's rounding
 * error (its entries are far from equally noisy: on nearly noise-free data ∂²L/∂(log ℓ)² carries
 * almost all of it). Null when K is well conditioned at `at`; all entries Infinity when K cannot
 * be factorised beside it. Overwrites the objective's buffers; `besideEvaluated` is called while
 * they describe the point beside (for the mixed partials' own sample, `mixedPartialDifference`).
 */
export function measureHessianRoundoff(
  objective: Objective,
  at: ObjectiveEvaluation,
  besideEvaluated?: (beside: LogTheta) => void,
): Matrix3 | null {
  if (covarianceConditionOf(at.roundoff) <= MEASURE_ABOVE_CONDITION) return null;
  const beside = at.logTheta.map((value, i) => value + OFFSET[i]!) as LogTheta;
  let other: ObjectiveEvaluation;
  try {
    other = objective.evaluate(beside, 2);
  } catch (error) {
    if (!(error instanceof NotPositiveDefiniteError)) throw error;
    return at.hessian!.map((row) => row.map(() => Infinity)) as Matrix3;
  }
  besideEvaluated?.(beside);
  return at.hessian!.map((row, i) =>
    row.map((value, j) => other.hessian![i]![j]! - value),
  ) as Matrix3;
}

/**
 * One sample of the mixed partials' relative rounding error: ∂g/∂(data) at θ̂ against the same
 * beside it (as for the Hessian above), row by row of ∂g/∂x and ∂g/∂y, max_k |Δ| over max_k |∂g|,
 * the largest. ∂g/∂x sums terms that cancel (P², PK_ℓP against α's products), so its error can
 * exceed 2u·κ(K) by far: 7e-8 of the row where 2u·κ₁ is 2e-9 (the `map` rule with an absolute
 * prior, 13 points at y ~ 1e-3, κ₁ = 8.9e6, terms 33 times their sum; docs/numerics.md).
 */
export function mixedPartialDifference(at: MixedPartials, beside: MixedPartials): number {
  let largest = 0;
  for (const part of ['x', 'y'] as const) {
    for (let i = 0; i < 3; i++) {
      const row = at[part][i as 0 | 1 | 2];
      const other = beside[part][i as 0 | 1 | 2];
      let size = 0;
      let difference = 0;
      for (let k = 0; k < row.length; k++) {
        size = Math.max(size, Math.abs(row[k]!));
        difference = Math.max(difference, Math.abs(row[k]! - other[k]!));
      }
      if (size > 0) largest = Math.max(largest, difference / size);
    }
  }
  return largest;
}
