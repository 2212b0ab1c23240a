/**
 * The mixed partials of the likelihood's gradient g = ∇L (likelihood.ts) in the data, for the
 * implicit function theorem (DESIGN.md; sensitivity.ts). With P = K⁻¹, α = Py, βᵢ = PKᵢα:
 *
 *   ∂gᵢ/∂y = βᵢ
 *   ∂gᵢ/∂x_k = α_k (Dᵢα)_k − βᵢ_k (Dα)_k − α_k (Dβᵢ)_k + Σ_b (PKᵢP)_kb D_kb − Σ_b P_kb (Dᵢ)_kb
 *
 * from ∂K/∂x_k = e_k d_kᵀ + d_k e_kᵀ with (d_k)_b = D_kb = ∂k(x_k, x_b)/∂x_k (rank two) and likewise
 * ∂Kᵢ/∂x_k with Dᵢ; D_ℓ = σf² ∂²ρ/∂x∂log ℓ, D_f = 2D, D_n = 0, and PK_fP = 2(P − σn²P²),
 * PK_nP = 2σn²P². Beyond the fit's factorisation this costs two symmetric products (PK_ℓP, P²);
 * everything per point is O(n). All in internal units, from buffers evaluated at θ̂ to order 2;
 * where K is nearly singular, from P and α refined first (refine-precision.ts: the terms cancel to
 * the extent KP = I holds, which P from the Cholesky factor does not keep).
 */
import type { LikelihoodWorkspace } from '../likelihood';
import { refinedPrecision } from '../refine-precision';
import { createSensitivityTerms, type SensitivityInputs } from '../sensitivity-terms';
import type { LogTheta, Rows3 } from '../types';

/** ∂g/∂y and ∂g/∂x, 3×n each (rows ℓ, σf, σn), in internal units. */
export interface MixedPartials {
  y: Rows3;
  x: Rows3;
}

export function rows3(n: number): Rows3 {
  return [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
}

/** ∂∇L/∂y and ∂∇L/∂x at the θ the workspace was evaluated at (to order 2). */
export function likelihoodMixedPartials(
  workspace: LikelihoodWorkspace,
  internalLogTheta: LogTheta,
): MixedPartials {
  const signalVariance = Math.exp(2 * internalLogTheta[1]);
  const noiseVariance = Math.exp(2 * internalLogTheta[2]);
  // On nearly singular K, P and α refined first: the sums below cancel to the extent KP = I.
  const refined = refinedPrecision(workspace, signalVariance, noiseVariance);
  return mixedPartialsFrom(
    workspace,
    refined ? { ...workspace, ...refined } : workspace,
    signalVariance,
    noiseVariance,
  );
}

/** The mixed partials from `inputs`: the workspace's own P, α and vectors, or refined ones. */
function mixedPartialsFrom(
  workspace: LikelihoodWorkspace,
  inputs: SensitivityInputs,
  signalVariance: number,
  noiseVariance: number,
): MixedPartials {
  const { n, alpha } = inputs;

  // ∂g/∂y: βᵢ = P Kᵢ α, from the evaluation's Aα, PRα and Pα: β_ℓ = σf²Aα, β_f = 2σf²PRα,
  // β_n = 2σn²Pα.
  const gradientY = rows3(n);
  const betaScales = [signalVariance, 2 * signalVariance, 2 * noiseVariance];
  const betaSources = [inputs.productAlpha, inputs.precisionRAlpha, inputs.precisionAlpha];
  for (let i = 0; i < 3; i++) {
    const source = betaSources[i]!;
    const target = gradientY[i as 0 | 1 | 2];
    for (let k = 0; k < n; k++) target[k] = betaScales[i]! * source[k]!;
  }

  // ∂g/∂x from D (∂ρ/∂x_a), D^ℓ (∂²ρ/∂x_a∂log ℓ), PK_ℓP/σf² = AP and P².
  const terms = createSensitivityTerms(n);
  workspace.kernels.sensitivityTerms(inputs, terms);
  const { dAlpha, dLogAlpha, sandwichTerm, precisionTerm, squaredTerm, precisionLogTerm } = terms;

  const gradientX = rows3(n);
  const dBetas = [terms.dProductAlpha, terms.dPrecisionRAlpha, terms.dPrecisionAlpha];
  for (let i = 0; i < 3; i++) {
    const beta = gradientY[i as 0 | 1 | 2];
    const dBetaUnscaled = dBetas[i]!;
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
  return { y: gradientY, x: gradientX };
}
