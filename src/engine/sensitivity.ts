/**
 * How θ̂ moves with the data, by the implicit function theorem (DESIGN.md): ∇θL(θ̂(D), D) = 0 for all
 * data D near the current data, so
 *
 *   dθ̂/dy = −H⁻¹ ∂g/∂y,   dθ̂/dx = −H⁻¹ ∂g/∂x,   H = ∂²L/∂θ∂θ at θ̂ (negative definite).
 *
 * Mixed partials in closed form (P = K⁻¹, α = Py, βᵢ = PKᵢα):
 *
 *   ∂gᵢ/∂y = βᵢ
 *   ∂gᵢ/∂x_k = α_k (Dᵢα)_k − βᵢ_k (Dα)_k − α_k (Dβᵢ)_k + Σ_b (PKᵢP)_kb D_kb − Σ_b P_kb (Dᵢ)_kb
 *
 * from ∂K/∂x_k = e_k d_kᵀ + d_k e_kᵀ with (d_k)_b = D_kb = ∂k(x_k, x_b)/∂x_k (rank two) and likewise
 * ∂Kᵢ/∂x_k with Dᵢ; D_ℓ = σf² ∂²ρ/∂x∂log ℓ, D_f = 2D, D_n = 0, and PK_fP = 2(P − σn²P²),
 * PK_nP = 2σn²P². Beyond the fit's factorisation this costs two symmetric products (PK_ℓP, P²);
 * everything per point is O(n).
 */
import { checkFitForData, fittedDataOf } from './check-arguments';
import { fitInternals } from './fit';
import { createLikelihoodWorkspace, evaluateLikelihood } from './likelihood';
import { wasmKernels } from './linalg';
import { createSensitivityTerms, sensitivityTermsJs } from './sensitivity-terms';
import { inverseSymmetric3 } from './small3';
import { toInternalLogTheta, standardize } from './standardize';
import type { Dataset, FitResult, Rows3, SensitivityResult } from './types';
import { checkDataset } from './validate';

function rows3(n: number): Rows3 {
  return [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
}

/** out = −H⁻¹ G for a 3×n G, column by column. */
function applyNegativeInverseHessian(inverseHessian: number[][], g: Rows3, out: Rows3): void {
  const n = g[0].length;
  for (let k = 0; k < n; k++) {
    const g0 = g[0][k]!;
    const g1 = g[1][k]!;
    const g2 = g[2][k]!;
    for (let i = 0; i < 3; i++) {
      const row = inverseHessian[i]!;
      out[i as 0 | 1 | 2][k] = -(row[0]! * g0 + row[1]! * g1 + row[2]! * g2);
    }
  }
}

/**
 * dθ̂/dy and dθ̂/dx for every point, for log θ and θ, in data units. Undefined (with the reason)
 * when the fit's diagnostics say the implicit function theorem does not apply. Throws
 * GpInputError('dataset-mismatch') when `fit` was made for other data.
 */
export function computeSensitivities(data: Dataset, fit: FitResult): SensitivityResult {
  checkDataset(data);
  checkFitForData(fit, data, fittedDataOf(fit));
  const { diagnostics } = fit;
  // 'untrusted' covers every case where the theorem's premises fail: no stationary point reached,
  // an optimum on the edge of the search region, or a Hessian that is not negative definite.
  if (diagnostics.trust === 'untrusted') {
    return {
      defined: false,
      reason: `${diagnostics.reasons.join('; ')}, so the implicit function theorem does not apply`,
    };
  }
  let state = fitInternals(fit);
  if (!state) {
    const { x, y, map } = standardize(data);
    state = {
      workspace: createLikelihoodWorkspace(fit.kernel, x, y),
      map,
      internalLogTheta: toInternalLogTheta(fit.logTheta, map),
    };
  }
  const { workspace, map, internalLogTheta } = state;
  const current = workspace.evaluatedLogTheta;
  if (
    workspace.evaluatedOrder !== 2 ||
    !current ||
    current.some((value, i) => value !== internalLogTheta[i])
  ) {
    evaluateLikelihood(workspace, internalLogTheta, 2);
  }
  const { n, alpha } = workspace;
  const signalVariance = Math.exp(2 * internalLogTheta[1]);
  const noiseVariance = Math.exp(2 * internalLogTheta[2]);
  const inverseHessian = inverseSymmetric3(fit.hessianLogTheta);

  // ∂g/∂y: βᵢ = P Kᵢ α, from the evaluation's Aα, PRα and Pα: β_ℓ = σf²Aα, β_f = 2σf²PRα,
  // β_n = 2σn²Pα.
  const gradientY = rows3(n);
  const betaScales = [signalVariance, 2 * signalVariance, 2 * noiseVariance];
  for (let i = 0; i < 3; i++) {
    const source = workspace.vectors[3 + i]!;
    const target = gradientY[i as 0 | 1 | 2];
    for (let k = 0; k < n; k++) target[k] = betaScales[i]! * source[k]!;
  }

  // ∂g/∂x from D (∂ρ/∂x_a), D^ℓ (∂²ρ/∂x_a∂log ℓ), PK_ℓP/σf² = AP and P².
  const terms = createSensitivityTerms(n);
  const wasm = wasmKernels();
  if (wasm) wasm.sensitivityTerms(workspace, terms);
  else sensitivityTermsJs(workspace, terms);
  const { dAlpha, dLogAlpha, sandwichTerm, precisionTerm, squaredTerm, precisionLogTerm } = terms;

  const gradientX = rows3(n);
  for (let i = 0; i < 3; i++) {
    const beta = gradientY[i as 0 | 1 | 2];
    const dBetaUnscaled = terms.dBeta[i as 0 | 1 | 2];
    const betaScale = betaScales[i]!;
    const out = gradientX[i as 0 | 1 | 2];
    for (let k = 0; k < n; k++) {
      // D = σf² ∂ρ/∂x; the −βᵢ_k(Dα)_k − α_k(Dβᵢ)_k term is common to all three rows.
      let value =
        -signalVariance * (beta[k]! * dAlpha[k]! + alpha[k]! * betaScale * dBetaUnscaled[k]!);
      if (i === 0) {
        value += signalVariance * alpha[k]! * dLogAlpha[k]!;
        value += signalVariance * signalVariance * sandwichTerm[k]!;
        value -= signalVariance * precisionLogTerm[k]!;
      } else if (i === 1) {
        value += 2 * signalVariance * alpha[k]! * dAlpha[k]!;
        value += 2 * signalVariance * (precisionTerm[k]! - noiseVariance * squaredTerm[k]!);
        value -= 2 * signalVariance * precisionTerm[k]!;
      } else {
        value += 2 * noiseVariance * signalVariance * squaredTerm[k]!;
      }
      out[k] = value;
    }
  }

  const dLogTheta_dy = rows3(n);
  const dLogTheta_dx = rows3(n);
  applyNegativeInverseHessian(inverseHessian, gradientY, dLogTheta_dy);
  applyNegativeInverseHessian(inverseHessian, gradientX, dLogTheta_dx);
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
  return { defined: true, dLogTheta_dy, dLogTheta_dx, dTheta_dy, dTheta_dx };
}
