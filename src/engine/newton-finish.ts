/**
 * Finishing a Newton polish with an unevaluated step (`PolishOptions.finishWithStep`, newton.ts):
 * when to trust the step without evaluating at its end, and the quadratic model that then stands
 * for the objective there.
 */
import type { ObjectiveEvaluation } from './objective';
import type { SearchPoint } from './search-point';
import { fromSearchCoordinates, toSearchCoordinates } from './search-region';
import { inverseSymmetric3 } from './small3';
import type { LogTheta, Matrix3 } from './types';

/**
 * A finishing step s (shorter than newton.ts's QUADRATIC_REGIME) is taken when its predicted error c|s|²
 * (Newton's quadratic convergence) is below this fraction of the step tolerance. c is estimated twice and the larger taken: from the
 * contraction of the steps, |s|/|s_prev|² (an overestimate after a step on a borrowed Hessian,
 * which converges only linearly), and, where the previous point had its own Hessian, from the
 * third derivative (thirdDerivativeConstant). The ordinary test would stop one evaluation later.
 */
export const FINISHING_ERROR = 1;

/**
 * The evaluation a polish's start was predicted from (newton.ts, PolishOptions.origin) and, where
 * known, the third derivatives there of data close to the objective's (Tₖ = ∂H/∂log θₖ; those of
 * the full data for a refit without one point, removal-start.ts).
 */
export interface PolishOrigin extends ObjectiveEvaluation {
  third?: readonly [Matrix3, Matrix3, Matrix3] | null;
}

/**
 * How many times Newton's error predicted from the origin's third derivatives is taken: they are
 * another dataset's (by O(1/n)) at another point (by the start's step).
 */
export const THIRD_DERIVATIVE_MARGIN = 4;

/** … and only this close to the origin (every log coordinate), where they describe the objective. */
export const THIRD_DERIVATIVE_REACH = 0.05;

/**
 * The predicted error (in φ) of the finishing step s at `point`: c|s|² with c the larger of the
 * steps' contraction |s|/|s_prev|² and thirdDerivativeConstant — or, where the origin brings third
 * derivatives T and the point is within THIRD_DERIVATIVE_REACH of it, the larger of the
 * contraction's and THIRD_DERIVATIVE_MARGIN times Newton's own error ½H⁻¹T[s, s] (log θ), which
 * follows the step's direction instead of bounding every one.
 */
export function finishingError(
  point: SearchPoint,
  step: LogTheta,
  inverse: Matrix3,
  previous: SearchPoint | null,
  previousLength: number,
  origin: PolishOrigin | null | undefined,
): number {
  const largest = Math.max(...step.map(Math.abs));
  const contraction = largest / previousLength ** 2;
  const third = origin?.third;
  if (!third || !nearOrigin(point, origin)) {
    return largest ** 2 * Math.max(contraction, thirdDerivativeConstant(point, inverse, previous));
  }
  const s = fromSearchCoordinates(step);
  const error = applyInverse(point.evaluation.hessian!, thirdContraction(third, s, s)).map(
    (value) => 0.5 * value,
  ) as LogTheta;
  const newtonError = maxAbs(toSearchCoordinates(error));
  return Math.max(largest ** 2 * contraction, THIRD_DERIVATIVE_MARGIN * newtonError);
}

/**
 * The predicted error (in φ) of a finishing chord step s₁ at `point`, whose Hessian is that of the
 * point one Newton step s₀ before (`newtonStep`): the chord's error H⁻¹(H₁ − H₀)s₁ ≈ H⁻¹T[s₀]s₁,
 * the larger of its bound from the steps' contraction, |s₁|²/|s₀| (linear convergence at the rate
 * |s₁|/|s₀|), and — where the origin brings third derivatives T and the point is within
 * THIRD_DERIVATIVE_REACH of it — THIRD_DERIVATIVE_MARGIN times H⁻¹T[s₀]s₁ itself (log θ).
 */
export function chordError(
  point: SearchPoint,
  step: LogTheta,
  newtonStep: LogTheta,
  origin: PolishOrigin | null | undefined,
): number {
  const largest = Math.max(...step.map(Math.abs));
  const contraction = largest ** 2 / Math.max(...newtonStep.map(Math.abs));
  const third = origin?.third;
  if (!third || !nearOrigin(point, origin)) return contraction;
  const s0 = fromSearchCoordinates(newtonStep);
  const s1 = fromSearchCoordinates(step);
  const error = applyInverse(point.evaluation.hessian!, thirdContraction(third, s0, s1));
  return Math.max(contraction, THIRD_DERIVATIVE_MARGIN * maxAbs(toSearchCoordinates(error)));
}

/** (T[u, v])_r = Σₖⱼ uₖ (Tₖ)_rj vⱼ for the third derivatives Tₖ = ∂H/∂log θₖ. */
function thirdContraction(
  third: readonly [Matrix3, Matrix3, Matrix3],
  u: LogTheta,
  v: LogTheta,
): LogTheta {
  return [0, 1, 2].map((r) =>
    [0, 1, 2].reduce(
      (sum, k) => sum + u[k]! * third[k]![r]!.reduce((inner, value, j) => inner + value * v[j]!, 0),
      0,
    ),
  ) as LogTheta;
}

/** H⁻¹v for a symmetric 3×3 H. */
function applyInverse(hessian: Matrix3, vector: LogTheta): LogTheta {
  return inverseSymmetric3(hessian).map((row) =>
    row.reduce((sum, value, j) => sum + value * vector[j]!, 0),
  ) as LogTheta;
}

function maxAbs(values: LogTheta): number {
  return Math.max(...values.map(Math.abs));
}

function nearOrigin(point: SearchPoint, origin: PolishOrigin): boolean {
  return point.evaluation.logTheta.every(
    (value, i) => Math.abs(value - origin.logTheta[i]!) <= THIRD_DERIVATIVE_REACH,
  );
}

/**
 * Newton's constant c in |error after the step| ≈ c|s|², from the change of the Hessian since the
 * previous point (its own Hessian, not a borrowed one): ½‖M‖·‖ΔH‖/‖Δφ‖ (∞-norms); 0 without one.
 */
export function thirdDerivativeConstant(
  point: SearchPoint,
  inverse: Matrix3,
  previous: SearchPoint | null,
): number {
  if (!previous) return 0;
  const distance = Math.max(...point.phi.map((value, i) => Math.abs(value - previous.phi[i]!)));
  return (0.5 * maxNorm(inverse) * maxNorm(subtract(point.hessian, previous.hessian))) / distance;
}

/** max_i Σ_j |M_ij|, the ∞-norm of a 3×3 matrix. */
function maxNorm(matrix: Matrix3): number {
  return Math.max(...matrix.map((row) => row.reduce((sum, value) => sum + Math.abs(value), 0)));
}

function subtract(a: Matrix3, b: Matrix3): Matrix3 {
  return a.map((row, i) => row.map((value, j) => value - b[i]![j]!)) as Matrix3;
}

export function dot3(a: LogTheta, b: LogTheta): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/**
 * The quadratic model of the objective around `point`'s evaluation, at `logTheta`: value
 * f + gᵀδ + ½δᵀHδ, gradient g + Hδ (δ = log θ − log θ₀), Hessian H, the same rounding estimate.
 */
export function modelAt(point: SearchPoint, logTheta: LogTheta): ObjectiveEvaluation {
  const { evaluation } = point;
  const gradient = evaluation.gradient!;
  const hessian = evaluation.hessian!;
  const delta = logTheta.map((value, i) => value - evaluation.logTheta[i]!) as LogTheta;
  const hessianDelta = hessian.map((row) => dot3(row as LogTheta, delta)) as LogTheta;
  return {
    ...evaluation,
    logTheta,
    value: evaluation.value + dot3(gradient, delta) + 0.5 * dot3(delta, hessianDelta),
    gradient: gradient.map((value, i) => value + hessianDelta[i]!) as LogTheta,
  };
}
