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
import {
  choleskyInPlace,
  dot,
  dotRange,
  frobeniusInner,
  inverseFromInverseTranspose,
  inverseTransposeOfLower,
  logDeterminantFromCholesky,
  multiplyMatrixVector,
  multiplyTransposed,
  solveCholeskyInPlace,
  trace,
  traceOfSquare,
} from './linalg';
import type { KernelName, LogTheta, Matrix3 } from './types';
import { zeroMatrix3 } from './small3';

const LOG_TWO_PI = Math.log(2 * Math.PI);

/** Reusable buffers for one dataset; every n×n array is row-major. */
export interface LikelihoodWorkspace extends CorrelationMatrices {
  readonly kernel: KernelName;
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** The lengthscale the correlation matrices currently hold (NaN before the first fill). */
  filledLengthscale: number;
  /** Cholesky factor L of K (lower). */
  factor: Float64Array;
  /** U = L⁻ᵀ (upper triangular). */
  inverseFactor: Float64Array;
  /** P = K⁻¹. */
  precision: Float64Array;
  /** A = P ∂R/∂log ℓ (not symmetric). */
  precisionTimesDLogLengthscale: Float64Array;
  /** α = K⁻¹ y. */
  alpha: Float64Array;
  /** Scratch vectors of length n. */
  vectors: Float64Array[];
  /** The point and order of the last successful evaluation (what the buffers now describe). */
  evaluatedLogTheta: LogTheta | null;
  evaluatedOrder: 0 | 1 | 2;
}

/** The value of L and, on request, its gradient and Hessian in log θ. */
export interface LikelihoodEvaluation {
  logTheta: LogTheta;
  lml: number;
  gradient: LogTheta | null;
  hessian: Matrix3 | null;
}

/** Allocates buffers for data (x, y) — in whatever units the caller works in. */
export function createLikelihoodWorkspace(
  kernel: KernelName,
  x: Float64Array,
  y: Float64Array,
): LikelihoodWorkspace {
  const n = x.length;
  const square = () => new Float64Array(n * n);
  return {
    kernel,
    n,
    x,
    y,
    filledLengthscale: Number.NaN,
    correlation: square(),
    correlationDLogLengthscale: square(),
    correlationD2LogLengthscale: square(),
    factor: square(),
    inverseFactor: square(),
    precision: square(),
    precisionTimesDLogLengthscale: square(),
    alpha: new Float64Array(n),
    vectors: Array.from({ length: 6 }, () => new Float64Array(n)),
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
  const { n, y, factor, alpha } = workspace;
  workspace.evaluatedLogTheta = null;
  const lengthscale = Math.exp(logTheta[0]);
  const signalVariance = Math.exp(2 * logTheta[1]);
  const noiseVariance = Math.exp(2 * logTheta[2]);
  if (workspace.filledLengthscale !== lengthscale) {
    fillCorrelationMatrices(workspace.kernel, workspace.x, lengthscale, workspace);
    workspace.filledLengthscale = lengthscale;
  }
  const {
    correlation,
    correlationDLogLengthscale: dR,
    correlationD2LogLengthscale: d2R,
  } = workspace;

  for (let i = 0; i < n * n; i++) factor[i] = signalVariance * correlation[i]!;
  for (let i = 0; i < n; i++) factor[i * n + i] = factor[i * n + i]! + noiseVariance;
  choleskyInPlace(factor, n);
  alpha.set(y);
  solveCholeskyInPlace(factor, n, alpha);
  const lml =
    -0.5 * dot(y, alpha) - 0.5 * logDeterminantFromCholesky(factor, n) - 0.5 * n * LOG_TWO_PI;
  workspace.evaluatedLogTheta = logTheta;
  workspace.evaluatedOrder = 0;
  if (order === 0) return { logTheta, lml, gradient: null, hessian: null };

  const { precision, inverseFactor } = workspace;
  inverseTransposeOfLower(factor, n, inverseFactor);
  inverseFromInverseTranspose(inverseFactor, n, precision);
  const [dRAlpha, rAlpha, scratch, betaLengthscale, betaSignal, betaNoise] = workspace.vectors as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  multiplyMatrixVector(dR, n, alpha, dRAlpha);
  multiplyMatrixVector(correlation, n, alpha, rAlpha);
  const alphaDRAlpha = dot(alpha, dRAlpha);
  const alphaRAlpha = dot(alpha, rAlpha);
  const alphaAlpha = dot(alpha, alpha);
  const precisionDotDR = frobeniusInner(precision, dR);
  const precisionDotR = frobeniusInner(precision, correlation);
  const tracePrecision = trace(precision, n);
  const gradient: LogTheta = [
    0.5 * signalVariance * (alphaDRAlpha - precisionDotDR),
    signalVariance * (alphaRAlpha - precisionDotR),
    noiseVariance * (alphaAlpha - tracePrecision),
  ];
  workspace.evaluatedOrder = 1;
  if (order === 1) return { logTheta, lml, gradient, hessian: null };

  const product = workspace.precisionTimesDLogLengthscale;
  multiplyTransposed(precision, dR, n, product); // = P ∂R/∂log ℓ, as ∂R/∂log ℓ is symmetric

  // vᵢ = Kᵢα and βᵢ = P vᵢ; the quadratic term of Hᵢⱼ is vᵢ·βⱼ.
  multiplyMatrixVector(product, n, alpha, betaLengthscale);
  for (let i = 0; i < n; i++) betaLengthscale[i] = signalVariance * betaLengthscale[i]!;
  for (let i = 0; i < n; i++) scratch[i] = 2 * signalVariance * rAlpha[i]!;
  multiplyMatrixVector(precision, n, scratch, betaSignal);
  multiplyMatrixVector(precision, n, alpha, betaNoise);
  for (let i = 0; i < n; i++) betaNoise[i] = 2 * noiseVariance * betaNoise[i]!;
  const vLengthscaleDot = (beta: Float64Array) => signalVariance * dot(dRAlpha, beta);
  const vSignalDot = (beta: Float64Array) => 2 * signalVariance * dot(rAlpha, beta);
  const vNoiseDot = (beta: Float64Array) => 2 * noiseVariance * dot(alpha, beta);

  multiplyMatrixVector(d2R, n, alpha, scratch);
  const alphaD2RAlpha = dot(alpha, scratch);
  const precisionDotD2R = frobeniusInner(precision, d2R);
  const traceProduct = trace(product, n);
  const productDotPrecision = frobeniusInner(product, precision);
  // ‖P‖² and ‖I − σn²P‖² from the strict lower triangle (P is symmetric) and the diagonal, each a
  // sum of squares, so neither loses digits when σn²P is close to I.
  let lowerSquares = 0;
  let precisionDiagonalSquares = 0;
  let identityMinusScaledDiagonal = 0;
  for (let a = 0; a < n; a++) {
    const diagonal = precision[a * n + a]!;
    lowerSquares += dotRange(precision, a * n, precision, a * n, a);
    precisionDiagonalSquares += diagonal * diagonal;
    identityMinusScaledDiagonal += (1 - noiseVariance * diagonal) ** 2;
  }
  const precisionSquaredNorm = 2 * lowerSquares + precisionDiagonalSquares;
  const identityMinusScaledPrecisionNorm =
    2 * noiseVariance * noiseVariance * lowerSquares + identityMinusScaledDiagonal;

  const s2 = signalVariance;
  const n2 = noiseVariance;
  // ½ tr(PKᵢPKⱼ)
  const halfTraceLL = 0.5 * s2 * s2 * traceOfSquare(product, n);
  const halfTraceLF = s2 * (traceProduct - n2 * productDotPrecision);
  const halfTraceLN = s2 * n2 * productDotPrecision;
  const halfTraceFF = 2 * identityMinusScaledPrecisionNorm;
  const halfTraceFN = 2 * n2 * (tracePrecision - n2 * precisionSquaredNorm);
  const halfTraceNN = 2 * n2 * n2 * precisionSquaredNorm;

  const hessian = zeroMatrix3();
  hessian[0][0] =
    -vLengthscaleDot(betaLengthscale) +
    0.5 * s2 * alphaD2RAlpha +
    halfTraceLL -
    0.5 * s2 * precisionDotD2R;
  hessian[0][1] =
    -vLengthscaleDot(betaSignal) + s2 * alphaDRAlpha + halfTraceLF - s2 * precisionDotDR;
  hessian[0][2] = -vLengthscaleDot(betaNoise) + halfTraceLN;
  hessian[1][1] =
    -vSignalDot(betaSignal) + 2 * s2 * alphaRAlpha + halfTraceFF - 2 * s2 * precisionDotR;
  hessian[1][2] = -vSignalDot(betaNoise) + halfTraceFN;
  hessian[2][2] =
    -vNoiseDot(betaNoise) + 2 * n2 * alphaAlpha + halfTraceNN - 2 * n2 * tracePrecision;
  hessian[1][0] = hessian[0][1];
  hessian[2][0] = hessian[0][2];
  hessian[2][1] = hessian[1][2];
  workspace.evaluatedOrder = 2;
  return { logTheta, lml, gradient, hessian };
}
