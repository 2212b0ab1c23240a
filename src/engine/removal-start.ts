/**
 * Where each removal refit of point influence (influence.ts) starts, and what it starts with
 * (docs/rules.md, "Point influence"). The reduced data's exact gradient g₋ and Hessian H₋ at the
 * full data's θ̂ come from the full data's factorisation (removal-downdate.ts; for `map` with the
 * reduced data's prior, whose centres follow the data's spreads). The first step is then a cubic
 * one: the root of the model
 *
 *   g₋ + H₋δ + ½T[δ, δ] = 0,
 *
 * with T the full data's third derivatives at θ̂ (forward differences of its Hessian; they differ
 * from the reduced data's by O(1/n)). Its error is O(|δ|³ + |δ|²/n) instead of Newton's O(|δ|²),
 * so that the first evaluation, at θ̂ + δ, often ends the polish with an unevaluated step
 * (newton.ts, `finishWithStep`): the start carries θ̂ as its origin and T, from which the finishing
 * test predicts Newton's error along the step (newton-finish.ts, `finishingError`). For `loo` the
 * reduced objective's g₋ and H₋ come from its own downdate (rules/loo-downdate.ts).
 */
import type { FitInternals } from './fit';
import { createLikelihoodWorkspace } from './likelihood';
import { NotPositiveDefiniteError } from './linalg';
import {
  createRemovalDowndate,
  removalDerivatives,
  type RemovalDowndate,
} from './removal-downdate';
import { createLooDowndate, looRemovalDerivatives, type LooDowndate } from './rules/loo-downdate';
import { createRuleObjective } from './rules/objective';
import { internalPrior, logPrior } from './rules/prior';
import { fitState } from './rules/state';
import { inverseSymmetric3, symmetricEigen3, zeroMatrix3 } from './small3';
import { standardize, toInternalLogTheta } from './standardize';
import type { Dataset, FitResult, LogTheta, Matrix3 } from './types';

/** What every removal's start is computed from, once per data and fit. */
export interface RemovalStartBasis {
  /** The likelihood's downdate (`ml`, `map`) or the leave-one-out objective's (`loo`). */
  downdate: { rule: 'ml' | 'map'; likelihood: RemovalDowndate } | { rule: 'loo'; loo: LooDowndate };
  third: [Matrix3, Matrix3, Matrix3];
}

/** A refit's start θ̂ + δ (data units) and the exact derivatives at θ̂ it was predicted from. */
export interface RemovalStart {
  logTheta: LogTheta;
  origin: {
    logTheta: LogTheta;
    gradient: LogTheta;
    hessian: Matrix3;
    third: [Matrix3, Matrix3, Matrix3];
  };
}

/**
 * Above this condition number of K the block inverse and the third derivatives' differences lose
 * too many digits to be worth a start (roundoff.ts): the refits start from the first-order
 * estimate.
 */
const MAX_COVARIANCE_CONDITION = 1e8;

/**
 * The basis for a fit whose Hessian is negative definite (the infinitesimal jackknife is
 * defined); null for a nearly singular K and where K cannot be factorised beside θ̂.
 */
export function removalStartBasis(data: Dataset, fit: FitResult): RemovalStartBasis | null {
  if (!(fit.diagnostics.roundoff.covarianceCondition <= MAX_COVARIANCE_CONDITION)) return null;
  const state = fitState(data, fit);
  try {
    const downdate: RemovalStartBasis['downdate'] =
      fit.rule === 'loo'
        ? { rule: 'loo', loo: createLooDowndate(state) }
        : { rule: fit.rule, likelihood: createRemovalDowndate(state) };
    return { downdate, third: thirdDerivatives(state, fit.hessianLogTheta!) };
  } catch (error) {
    if (error instanceof NotPositiveDefiniteError) return null;
    throw error;
  }
}

/**
 * The gradient and Hessian in log θ of the fit's objective on the data without point `index`
 * (`reduced`), at the fit's θ̂.
 */
export function removalObjectiveDerivatives(
  basis: RemovalStartBasis,
  fit: FitResult,
  reduced: Dataset,
  index: number,
): { gradient: LogTheta; hessian: Matrix3 } {
  const { downdate } = basis;
  const { gradient, hessian } =
    downdate.rule === 'loo'
      ? looRemovalDerivatives(downdate.loo, index)
      : removalDerivatives(downdate.likelihood, index);
  if (fit.prior) {
    const { map } = standardize(reduced);
    const prior = logPrior(internalPrior(fit.prior, map), toInternalLogTheta(fit.logTheta, map));
    for (let i = 0; i < 3; i++) {
      gradient[i as 0 | 1 | 2] += prior.gradient[i]!;
      hessian[i as 0 | 1 | 2]![i as 0 | 1 | 2] += prior.hessianDiagonal[i]!;
    }
  }
  return { gradient, hessian };
}

/**
 * The start of the refit without point `index`: θ̂ + δ, δ the cubic step; null where the reduced
 * Hessian at θ̂ is not negative definite or δ reaches farther than `reach` in a log coordinate.
 */
export function removalStart(
  basis: RemovalStartBasis,
  fit: FitResult,
  reduced: Dataset,
  index: number,
  reach: number,
): RemovalStart | null {
  return removalStartFrom(
    removalObjectiveDerivatives(basis, fit, reduced, index),
    basis,
    fit,
    reach,
  );
}

/** `removalStart` from the reduced data's gradient and Hessian at θ̂, already computed. */
export function removalStartFrom(
  { gradient, hessian }: { gradient: LogTheta; hessian: Matrix3 },
  basis: RemovalStartBasis,
  fit: FitResult,
  reach: number,
): RemovalStart | null {
  const delta = cubicStep(gradient, hessian, basis.third);
  if (!delta || Math.max(...delta.map(Math.abs)) > reach) return null;
  return {
    logTheta: fit.logTheta.map((value, i) => value + delta[i]!) as LogTheta,
    origin: { logTheta: fit.logTheta, gradient, hessian, third: basis.third },
  };
}

/** Step in log θ for the forward differences of the Hessian. */
const THIRD_DERIVATIVE_STEP = 1e-3;

/**
 * The third derivatives of a rule's objective at internal log θ, Tₖ = ∂H/∂θₖ, by forward
 * differences of its exact Hessian from `hessian`, the fit's at θ̂ (three evaluations, on buffers
 * of their own). Their error, about h/2 of T's own change per unit of log θ (h = 10⁻³), is far
 * below the O(1/n) by which the full data's T differ from the reduced data's, which the cubic start
 * and the finishing test already allow for.
 */
export function thirdDerivatives(
  state: FitInternals,
  hessian: Matrix3,
): [Matrix3, Matrix3, Matrix3] {
  const { workspace, objective, internalLogTheta } = state;
  const probe = createRuleObjective(
    objective.rule,
    createLikelihoodWorkspace(workspace.kernel, workspace.x, workspace.y, workspace.kernels),
    objective.prior,
  );
  // Only the Hessians are differenced: nothing here needs the sensitivities' buffers.
  probe.secondOrder = 'hessian';
  const h = THIRD_DERIVATIVE_STEP;
  return [0, 1, 2].map((k) => {
    const up = probe.evaluate(
      internalLogTheta.map((value, j) => (j === k ? value + h : value)) as LogTheta,
      2,
    ).hessian!;
    return up.map((row, r) => row.map((value, s) => (value - hessian[r]![s]!) / h)) as Matrix3;
  }) as [Matrix3, Matrix3, Matrix3];
}

/**
 * The root δ of g + Hδ + ½T[δ, δ] = 0 nearest 0, by the fixed point δ ← −H⁻¹(g + ½T[δ, δ]) from
 * Newton's step; null where H is not negative definite.
 */
export function cubicStep(
  gradient: LogTheta,
  hessian: Matrix3,
  third: readonly [Matrix3, Matrix3, Matrix3],
): LogTheta | null {
  if (!symmetricEigen3(hessian).values.every((value) => value < 0)) return null;
  const inverse = inverseSymmetric3(hessian);
  let delta: LogTheta = [0, 0, 0];
  for (let iteration = 0; iteration < 4; iteration++) {
    const curvature = zeroMatrix3();
    for (let k = 0; k < 3; k++) {
      for (let r = 0; r < 3; r++) {
        for (let s = 0; s < 3; s++) {
          curvature[r]![s as 0 | 1 | 2] += delta[k]! * third[k]![r]![s]!;
        }
      }
    }
    const residual = gradient.map(
      (value, r) =>
        value + 0.5 * curvature[r]!.reduce((sum, entry, s) => sum + entry * delta[s]!, 0),
    );
    delta = inverse.map(
      (row) => -row.reduce((sum, entry, s) => sum + entry * residual[s]!, 0),
    ) as LogTheta;
  }
  return delta;
}
