/**
 * How θ̂ moves with the data, by the implicit function theorem (docs/design.md, "Sensitivities
 * by the implicit function theorem"; docs/rules.md for each rule): the rule's gradient vanishes,
 * ∇θR(θ̂(D), D) = 0, for all data D near the current data, so
 *
 *   dθ̂/dy = −H⁻¹ ∂g/∂y,   dθ̂/dx = −H⁻¹ ∂g/∂x,   H = ∂²R/∂θ∂θ at θ̂ (negative definite),
 *
 * with the mixed partials ∂g/∂y, ∂g/∂x of each rule in closed form: the likelihood's
 * (rules/ml-partials.ts), plus for `map` the motion of a data-relative prior's centres
 * (rules/prior.ts), and the leave-one-out objective's (rules/loo-partials.ts). Computed in internal
 * units and mapped back by the chain rule (standardize.ts).
 *
 * At a maximum on the noise floor (σn/σf held where float64 still gives the arrows six digits;
 * search-region.ts, docs/numerics.md) the gradient does not vanish in log(σn/σf), but the Karush–Kuhn–Tucker conditions of the
 * remaining directions do: with Z the free axes of log θ (ℓ; σf and σn together),
 * Zᵀ∇R(θ̂(D), D) = 0 near D, so
 *
 *   dθ̂ = −Z (ZᵀHZ)⁻¹ Zᵀ ∂g/∂(data),
 *
 * for whichever rule's H and ∂g: σn keeps its ratio to σf and its row equals σf's. The floor
 * depends on n alone, not on the data's values, so it does not move with them.
 */
import { NOISE_RATIO_AXIS } from './optimum';
import { SEARCH_AXES } from './search-region';
import { inverseSymmetric3, restrictedInverse3 } from './small3';
import { rows3 } from './rules/ml-partials';
import { ruleMixedPartials } from './rule-partials';
import { fitState } from './rules/state';
import type { Dataset, FitResult, Matrix3, Rows3, SensitivityResult } from './types';
import { checkFitForData, fittedDataOf } from './check-arguments';
import { checkDataset } from './validate';

export { rows3, ruleMixedPartials };

/** out = −H⁻¹ G for a 3×n G, column by column. */
export function applyNegativeInverseHessian(inverseHessian: Matrix3, g: Rows3, out: Rows3): void {
  const n = g[0].length;
  for (let k = 0; k < n; k++) {
    const g0 = g[0][k]!;
    const g1 = g[1][k]!;
    const g2 = g[2][k]!;
    for (let i = 0; i < 3; i++) {
      const row = inverseHessian[i]!;
      out[i as 0 | 1 | 2][k] = -(row[0] * g0 + row[1] * g1 + row[2] * g2);
    }
  }
}

/**
 * The inverse the implicit function theorem uses at the fit's θ̂: H⁻¹ at an interior maximum, or
 * Z (ZᵀHZ)⁻¹ Zᵀ at a maximum on the noise floor (`diagnostics.constrained`), H the rule's Hessian.
 */
export function sensitivityInverse(fit: FitResult): Matrix3 {
  if (!fit.diagnostics.constrained) return inverseSymmetric3(fit.hessianLogTheta);
  return restrictedInverse3(
    fit.hessianLogTheta,
    SEARCH_AXES.filter((_, axis) => axis !== NOISE_RATIO_AXIS),
  );
}

/**
 * Why the implicit function theorem does not apply at the fit's θ̂, or null when it does:
 * 'untrusted' covers every case where its premises fail (no stationary point reached, an optimum
 * on the edge of the search region other than the noise floor, a Hessian that is not negative
 * definite or swamped by rounding).
 */
export function undefinedReason(fit: FitResult): string | null {
  const { diagnostics } = fit;
  if (diagnostics.trust !== 'untrusted') return null;
  return `${diagnostics.reasons.join('; ')}, so the implicit function theorem does not apply`;
}

/**
 * dθ̂/dy and dθ̂/dx for every point, for log θ and θ, in data units, for the fit's rule. Undefined
 * (with the reason) when the fit's diagnostics say the implicit function theorem does not apply.
 * Throws GpInputError('dataset-mismatch') when `fit` was made for other data.
 */
export function computeSensitivities(data: Dataset, fit: FitResult): SensitivityResult {
  checkDataset(data);
  checkFitForData(fit, data, fittedDataOf(fit));
  const reason = undefinedReason(fit);
  if (reason !== null) return { defined: false, reason };
  const state = fitState(data, fit);
  const { n } = state.workspace;
  const { map } = state;
  const inverseHessian = sensitivityInverse(fit);
  const partials = state.mixedPartials ?? ruleMixedPartials(state);

  const dLogTheta_dy = rows3(n);
  const dLogTheta_dx = rows3(n);
  applyNegativeInverseHessian(inverseHessian, partials.y, dLogTheta_dy);
  applyNegativeInverseHessian(inverseHessian, partials.x, dLogTheta_dx);
  const dTheta_dy = rows3(n);
  const dTheta_dx = rows3(n);
  const theta = [fit.theta.lengthscale, fit.theta.signalStd, fit.theta.noiseStd];
  for (let i = 0; i < 3; i++) {
    const row = i as 0 | 1 | 2;
    for (let k = 0; k < n; k++) {
      dLogTheta_dy[row][k] = dLogTheta_dy[row][k]! / map.yScale;
      dLogTheta_dx[row][k] = dLogTheta_dx[row][k]! / map.xScale;
      dTheta_dy[row][k] = theta[i]! * dLogTheta_dy[row][k]!;
      dTheta_dx[row][k] = theta[i]! * dLogTheta_dx[row][k]!;
    }
  }
  const { constrained } = fit.diagnostics;
  return { defined: true, dLogTheta_dy, dLogTheta_dx, dTheta_dy, dTheta_dx, constrained };
}
