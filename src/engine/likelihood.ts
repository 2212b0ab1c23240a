/**
 * The log marginal likelihood of a zero-mean GP and its exact gradient and Hessian in
 * θ = (log ℓ, log σf, log σn), from one Cholesky factorisation (Rasmussen & Williams 2006, §5.4.1):
 *
 *   L(θ)  = −½ yᵀα − ½ log|K| − (n/2) log 2π,      K = σf² R + σn² I,  α = K⁻¹y,  P = K⁻¹
 *   gᵢ    = ½ αᵀKᵢα − ½ tr(P Kᵢ)
 *   Hᵢⱼ   = −αᵀKᵢPKⱼα + ½ αᵀKᵢⱼα + ½ tr(PKᵢPKⱼ) − ½ tr(PKᵢⱼ)
 *
 * with K_ℓ = σf² ∂R/∂log ℓ, K_f = 2σf² R, K_n = 2σn² I, K_ℓℓ = σf² ∂²R/∂(log ℓ)², K_ℓf = 2K_ℓ,
 * K_ff = 2K_f, K_nn = 2K_n, K_ℓn = K_fn = 0. The only O(n³) work beyond the factorisation is
 * P (for the traces) and A = P ∂R/∂log ℓ (for tr(PK_ℓPK_ℓ) and PK_ℓα); the σ-blocks use
 * P K_f = 2(I − σn² P) and P K_n = 2σn² P.
 */
import { fillCorrelationMatrices, type CorrelationMatrices } from './kernels';
import { denseKernels, type DenseKernels } from './dense-kernels';
import {
  createLikelihoodVectors,
  TERM,
  TERM_COUNT,
  type TermBuffers,
  type TermName,
} from './likelihood-terms';
import { logDeterminantFromCholesky, NotPositiveDefiniteError } from './linalg';
import type { ObjectiveEvaluation } from './objective';
import type { KernelName, LogTheta, Matrix3 } from './types';
import { zeroMatrix3 } from './small3';
import { evaluationRoundoff, pivotConditionEstimate } from './roundoff';

const LOG_TWO_PI = Math.log(2 * Math.PI);

/** Reusable buffers for one dataset; every n×n array is row-major. */
export interface LikelihoodWorkspace extends CorrelationMatrices, TermBuffers {
  readonly kernel: KernelName;
  /** The dense kernels every evaluation on this workspace runs on, chosen when it is created. */
  readonly kernels: DenseKernels;
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** The lengthscale the correlation matrices currently hold (NaN before the first fill). */
  filledLengthscale: number;
  /** The sums of the last evaluation, indexed by TERM. */
  terms: Float64Array;
  /** The point and order of the last successful evaluation (what the buffers now describe). */
  evaluatedLogTheta: LogTheta | null;
  evaluatedOrder: 0 | 1 | 2;
}

/**
 * The value of L (`value`) and, on request, its gradient and Hessian in log θ, with the estimated
 * rounding error of the value and of each gradient component (`roundoff`; roundoff.ts).
 */
export type LikelihoodEvaluation = ObjectiveEvaluation;

/**
 * Allocates buffers for data (x, y) — in whatever units the caller works in — whose evaluations
 * run on `kernels` (by default the default backend's). With `recycled`, a workspace of the same
 * size that is no longer used, its buffers are taken over instead of allocated: many refits of
 * same-sized data (influence.ts) then allocate nothing O(n²).
 */
export function createLikelihoodWorkspace(
  kernel: KernelName,
  x: Float64Array,
  y: Float64Array,
  kernels: DenseKernels = denseKernels(),
  recycled: LikelihoodWorkspace | null = null,
): LikelihoodWorkspace {
  const n = x.length;
  const square = () => new Float64Array(n * n);
  const buffers =
    recycled && recycled.n === n
      ? {
          correlation: recycled.correlation,
          correlationDLogLengthscale: recycled.correlationDLogLengthscale,
          correlationD2LogLengthscale: recycled.correlationD2LogLengthscale,
          factor: recycled.factor,
          inverseFactor: recycled.inverseFactor,
          precision: recycled.precision,
          precisionTimesDLogLengthscale: recycled.precisionTimesDLogLengthscale,
          alpha: recycled.alpha,
          dRAlpha: recycled.dRAlpha,
          rAlpha: recycled.rAlpha,
          d2RAlpha: recycled.d2RAlpha,
          productAlpha: recycled.productAlpha,
          precisionRAlpha: recycled.precisionRAlpha,
          precisionAlpha: recycled.precisionAlpha,
          precisionSquaredDiagonal: recycled.precisionSquaredDiagonal,
          productPrecisionDiagonal: recycled.productPrecisionDiagonal,
          terms: recycled.terms,
        }
      : {
          correlation: square(),
          correlationDLogLengthscale: square(),
          correlationD2LogLengthscale: square(),
          factor: square(),
          inverseFactor: square(),
          precision: square(),
          precisionTimesDLogLengthscale: square(),
          alpha: new Float64Array(n),
          ...createLikelihoodVectors(n),
          terms: new Float64Array(TERM_COUNT),
        };
  // The recycled workspace's buffers describe other data: nothing in them is current.
  return {
    kernel,
    kernels,
    n,
    x,
    y,
    filledLengthscale: Number.NaN,
    ...buffers,
    evaluatedLogTheta: null,
    evaluatedOrder: 0,
  };
}

/**
 * Evaluates L at log θ to the given derivative order (0: value, 1: + gradient, 2: + Hessian).
 * Leaves L, P (order ≥ 1), A (order 2) and α in the workspace for the sensitivities.
 * Throws NotPositiveDefiniteError when K cannot be factorised.
 */
export function evaluateLikelihood(
  workspace: LikelihoodWorkspace,
  logTheta: LogTheta,
  order: 0 | 1 | 2,
): LikelihoodEvaluation {
  const { n } = workspace;
  workspace.evaluatedLogTheta = null;
  const lengthscale = Math.exp(logTheta[0]);
  const signalVariance = Math.exp(2 * logTheta[1]);
  const noiseVariance = Math.exp(2 * logTheta[2]);
  if (workspace.filledLengthscale !== lengthscale) {
    fillCorrelationMatrices(
      workspace.kernels,
      workspace.kernel,
      workspace.x,
      lengthscale,
      workspace,
    );
    workspace.filledLengthscale = lengthscale;
  }
  const { terms } = workspace;
  const failedPivot = workspace.kernels.likelihoodTerms(
    workspace,
    order,
    signalVariance,
    noiseVariance,
    terms,
  );
  if (failedPivot >= 0) throw new NotPositiveDefiniteError(failedPivot);
  const term = (name: TermName) => terms[TERM[name]]!;

  const lml =
    -0.5 * term('yAlpha') -
    0.5 * logDeterminantFromCholesky(workspace.factor, n) -
    0.5 * n * LOG_TWO_PI;
  workspace.evaluatedLogTheta = logTheta;
  workspace.evaluatedOrder = 0;
  const conditionEstimate = pivotConditionEstimate(workspace.factor, n);
  if (order === 0) {
    const roundoff = evaluationRoundoff(conditionEstimate, term('yAlpha'), n, null);
    return { logTheta, value: lml, gradient: null, hessian: null, roundoff };
  }

  const gradient = likelihoodGradient(terms, signalVariance, noiseVariance);
  const roundoff = evaluationRoundoff(conditionEstimate, term('yAlpha'), n, [
    [0.5 * signalVariance * term('alphaDRAlpha'), 0.5 * signalVariance * term('precisionDotDR')],
    [signalVariance * term('alphaRAlpha'), signalVariance * term('precisionDotR')],
    [noiseVariance * term('alphaAlpha'), noiseVariance * term('tracePrecision')],
  ]);
  // κ₁(K) = ‖K‖₁‖P‖₁ (normConditionNumber), from the largest absolute row sums of R and P.
  roundoff.normCondition =
    (signalVariance * term('correlationRowAbsMax') + noiseVariance) * term('precisionRowAbsMax');
  workspace.evaluatedOrder = 1;
  if (order === 1) return { logTheta, value: lml, gradient, hessian: null, roundoff };

  const hessian = likelihoodHessian(terms, signalVariance, noiseVariance);
  workspace.evaluatedOrder = 2;
  return { logTheta, value: lml, gradient, hessian, roundoff };
}

/** gᵢ from the sums of an evaluation to order ≥ 1 (TERM), as the header states. */
export function likelihoodGradient(
  terms: Float64Array,
  signalVariance: number,
  noiseVariance: number,
): LogTheta {
  const term = (name: TermName) => terms[TERM[name]]!;
  return [
    0.5 * signalVariance * (term('alphaDRAlpha') - term('precisionDotDR')),
    signalVariance * (term('alphaRAlpha') - term('precisionDotR')),
    noiseVariance * (term('alphaAlpha') - term('tracePrecision')),
  ];
}

/** Hᵢⱼ from the sums of an evaluation to order 2 (TERM), as the header states. */
export function likelihoodHessian(
  terms: Float64Array,
  signalVariance: number,
  noiseVariance: number,
): Matrix3 {
  const term = (name: TermName) => terms[TERM[name]]!;
  // The quadratic term of Hᵢⱼ is vᵢ·βⱼ with vᵢ = Kᵢα and βᵢ = PKᵢα: v_ℓ = σf²∂Rα, v_f = 2σf²Rα,
  // v_n = 2σn²α and β_ℓ = σf²Aα, β_f = 2σf²PRα, β_n = 2σn²Pα.
  const quadraticLL = signalVariance * signalVariance * term('dRAlphaDotProductAlpha');
  const quadraticLF = 2 * signalVariance * signalVariance * term('dRAlphaDotPrecisionRAlpha');
  const quadraticLN = 2 * signalVariance * noiseVariance * term('dRAlphaDotPrecisionAlpha');
  const quadraticFF = 4 * signalVariance * signalVariance * term('rAlphaDotPrecisionRAlpha');
  const quadraticFN = 4 * signalVariance * noiseVariance * term('rAlphaDotPrecisionAlpha');
  const quadraticNN = 4 * noiseVariance * noiseVariance * term('alphaDotPrecisionAlpha');

  const precisionSquaredNorm = 2 * term('precisionLowerSquares') + term('precisionDiagonalSquares');
  const identityMinusScaledPrecisionNorm =
    2 * noiseVariance * noiseVariance * term('precisionLowerSquares') +
    term('identityMinusScaledDiagonalSquares');
  const tracePrecision = term('tracePrecision');
  const productDotPrecision = term('productDotPrecision');
  // ½ tr(PKᵢPKⱼ)
  const halfTraceLL = 0.5 * signalVariance * signalVariance * term('productTraceOfSquare');
  const halfTraceLF = signalVariance * (term('traceProduct') - noiseVariance * productDotPrecision);
  const halfTraceLN = signalVariance * noiseVariance * productDotPrecision;
  const halfTraceFF = 2 * identityMinusScaledPrecisionNorm;
  const halfTraceFN = 2 * noiseVariance * (tracePrecision - noiseVariance * precisionSquaredNorm);
  const halfTraceNN = 2 * noiseVariance * noiseVariance * precisionSquaredNorm;

  const hessian = zeroMatrix3();
  hessian[0][0] =
    -quadraticLL +
    0.5 * signalVariance * term('alphaD2RAlpha') +
    halfTraceLL -
    0.5 * signalVariance * term('precisionDotD2R');
  hessian[0][1] =
    -quadraticLF +
    signalVariance * term('alphaDRAlpha') +
    halfTraceLF -
    signalVariance * term('precisionDotDR');
  hessian[0][2] = -quadraticLN + halfTraceLN;
  hessian[1][1] =
    -quadraticFF +
    2 * signalVariance * term('alphaRAlpha') +
    halfTraceFF -
    2 * signalVariance * term('precisionDotR');
  hessian[1][2] = -quadraticFN + halfTraceFN;
  hessian[2][2] =
    -quadraticNN +
    2 * noiseVariance * term('alphaAlpha') +
    halfTraceNN -
    2 * noiseVariance * tracePrecision;
  hessian[1][0] = hessian[0][1];
  hessian[2][0] = hessian[0][2];
  hessian[2][1] = hessian[1][2];
  return hessian;
}
