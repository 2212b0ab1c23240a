/**
 * P = K⁻¹ and α = K⁻¹y refined by one step of iterative refinement with accurate residuals, for
 * the mixed partials ∂g/∂(data) on nearly singular K (rules/ml-partials.ts; docs/numerics.md,
 * "The mixed partials on nearly singular K"):
 *
 *   G = I − P K,            P₁ = P + ½(P Gᵀ + G P)      (one Newton–Schulz step, symmetrised)
 *   r = y − K α,            α₁ = α + P₁ r
 *
 * (Higham 2002, §12.1 for the solve, §14.3 for the inverse; G P = P Gᵀ in exact arithmetic, and
 * the mean keeps P₁ exactly symmetric). K = σf²R + σn²I is formed as the factorisation forms it;
 * G and r are summed accurately (accurate-sums.ts: sliced exact products for G, Dot2 for r).
 * In float64 their own rounding, about u·Σ|P_ik||K_kj| per entry, is as large as G itself on
 * nearly singular K (5e-5 of it in the test case below), and would leave P as wrong as it was.
 * Then A = P ∂R/∂log ℓ and Aα are summed accurately too: ∂g_ℓ/∂x cancels them as it cancels P
 * (summed in float64, 4e-11 of A and 2e-9 of Aα, they left 3.2e-5 of ∂g/∂x).
 *
 * Why: P from the Cholesky factor (U Uᵀ, U = L⁻ᵀ) is not the inverse of any nearby K: on 20 exact
 * samples (RBF, σn on its floor, κ(K) = 2.2e9) it is 8e-9 (max norm) from the inverse of the very
 * float64 K it came from, and ∂g/∂x, whose terms in P, P² and PK_ℓP cancel to the extent KP = I
 * holds, turned that into 2e-5 of itself and 3.8e-4 of a column of dθ̂/dx. P₁ is 2e-14 from that
 * inverse, α₁ is it rounded, and ∂g/∂x is then as good as from the exact inverse of the float64 K:
 * 2.5e-8 (what K's own rounding leaves), and dθ̂/dx 1.2e-6 of a column (test/engine/
 * floor-refit-high-precision.test.ts). Only done where κ > REFINE_ABOVE_CONDITION: about fifteen
 * products on the dense kernels, two residuals' worth of slicing, and O(n²) besides.
 */
import type { LikelihoodWorkspace } from './likelihood';
import {
  accurateProductTransposed,
  compensatedResidual,
  createAccurateProductScratch,
  type AccurateProductScratch,
} from './accurate-sums';
import { multiplyMatrixVector, multiplyTransposed } from './linalg';
import { normConditionNumber, pivotConditionEstimate } from './roundoff';
import { MEASURE_ABOVE_CONDITION } from './roundoff-check';

/**
 * Above this κ(K) (max(κ̂, κ₁), roundoff.ts) the mixed partials are built from the refined P and α:
 * below it P's error, at most about 2u·κ = 2e-10, leaves ∂g/∂x about six digits even where its
 * terms cancel a thousandfold (as in the case above); the bound above which the curvature's
 * rounding is measured too.
 */
export const REFINE_ABOVE_CONDITION = MEASURE_ABOVE_CONDITION;

/** The refined P, A = P ∂R/∂log ℓ, α and the vectors the mixed partials are built from. */
export interface RefinedPrecision {
  precision: Float64Array;
  precisionTimesDLogLengthscale: Float64Array;
  alpha: Float64Array;
  rAlpha: Float64Array;
  /** Aα. */
  productAlpha: Float64Array;
  /** PRα. */
  precisionRAlpha: Float64Array;
  /** Pα. */
  precisionAlpha: Float64Array;
}

/** κ(K) as the evaluation judged it: max(κ̂ from the pivots, κ₁ from R and P). */
export function workspaceCondition(
  workspace: LikelihoodWorkspace,
  signalVariance: number,
  noiseVariance: number,
): number {
  const { n } = workspace;
  return Math.max(
    pivotConditionEstimate(workspace.factor, n),
    normConditionNumber(
      workspace.correlation,
      workspace.precision,
      n,
      signalVariance,
      noiseVariance,
    ),
  );
}

/**
 * The refined P and α (module comment) from a workspace evaluated to order 2, or null where
 * κ(K) ≤ REFINE_ABOVE_CONDITION (the workspace's own P and α are then used as they are).
 */
export function refinedPrecision(
  workspace: LikelihoodWorkspace,
  signalVariance: number,
  noiseVariance: number,
): RefinedPrecision | null {
  if (workspaceCondition(workspace, signalVariance, noiseVariance) <= REFINE_ABOVE_CONDITION) {
    return null;
  }
  const { n, precision, correlation, alpha, y, kernels } = workspace;
  const covariance = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) covariance[i] = signalVariance * correlation[i]!;
  for (let i = 0; i < n; i++) covariance[i * n + i] = covariance[i * n + i]! + noiseVariance;

  // G = I − PKᵀ = I − PK (K symmetric).
  const scratch = createAccurateProductScratch(n);
  const residual = new Float64Array(n * n);
  accurateProductTransposed(kernels, precision, covariance, n, residual, true, scratch);
  // C = P Gᵀ = P(I − KP); P₁ = P + ½(C + Cᵀ). C lives in the scratch, free until A's product.
  const correction = scratch.leading;
  multiplyTransposed(kernels, precision, residual, n, correction);
  const refined = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      refined[i * n + j] =
        precision[i * n + j]! + 0.5 * (correction[i * n + j]! + correction[j * n + i]!);
    }
  }

  // r = y − Kα in double-double, α₁ = α + P₁ r.
  const solveResidual = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    solveResidual[i] = compensatedResidual(y[i]!, covariance, i * n, alpha, 0, n);
  }
  const alphaCorrection = new Float64Array(n);
  multiplyMatrixVector(refined, n, solveResidual, alphaCorrection);
  const refinedAlpha = alpha.map((value, i) => value + alphaCorrection[i]!);
  return {
    precision: refined,
    alpha: refinedAlpha,
    ...dependentTerms(workspace, refined, refinedAlpha, scratch),
  };
}

/**
 * A = P ∂R/∂log ℓ and Aα summed accurately (accurate-sums.ts), Rα, PRα and Pα in float64, from the
 * refined P and α. A and Aα enter ∂g_ℓ/∂x through PK_ℓP = σf² AP and β_ℓ = σf² Aα, whose terms
 * cancel as P's do: summed in float64 (4e-11 of A, 2e-9 of Aα there) they left 3.2e-5 of ∂g/∂x;
 * the other three cost no digits that matter (measured: 2.5e-8 of ∂g/∂x with them in float64).
 */
function dependentTerms(
  workspace: LikelihoodWorkspace,
  precision: Float64Array,
  alpha: Float64Array,
  scratch: AccurateProductScratch,
): Omit<RefinedPrecision, 'precision' | 'alpha'> {
  const { n } = workspace;
  const vector = () => new Float64Array(n);
  // A = P (∂R/∂log ℓ)ᵀ, ∂R/∂log ℓ symmetric.
  const product = new Float64Array(n * n);
  accurateProductTransposed(
    workspace.kernels,
    precision,
    workspace.correlationDLogLengthscale,
    n,
    product,
    false,
    scratch,
  );
  const [rAlpha, productAlpha, precisionRAlpha, precisionAlpha] = [
    vector(),
    vector(),
    vector(),
    vector(),
  ];
  for (let i = 0; i < n; i++) {
    productAlpha[i] = -compensatedResidual(0, product, i * n, alpha, 0, n);
  }
  multiplyMatrixVector(workspace.correlation, n, alpha, rAlpha);
  multiplyMatrixVector(precision, n, rAlpha, precisionRAlpha);
  multiplyMatrixVector(precision, n, alpha, precisionAlpha);
  return {
    precisionTimesDLogLengthscale: product,
    rAlpha,
    productAlpha,
    precisionRAlpha,
    precisionAlpha,
  };
}
