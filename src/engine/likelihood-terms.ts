/**
 * The sums from which likelihood.ts assembles L(θ), its gradient and its Hessian, in plain
 * JavaScript: the reference for, and the fallback of, `likelihoodTerms` in wasm/dense/likelihood-terms.wat, which
 * computes the same sums into the same buffers. With K = σf²R + σn²I = LLᵀ, U = L⁻ᵀ, P = K⁻¹ = UUᵀ,
 * α = Py and A = P ∂R/∂log ℓ, the sums at each order are listed in TERM (wasm/layout.ts).
 */
import { choleskyJs, inverseTransposeOfLowerJs, productJs } from './dense-js';
import {
  dot,
  dotRange,
  frobeniusInner,
  inverseFromInverseTranspose,
  multiplyMatrixVector,
  multiplyTransposed,
  solveCholeskyInPlace,
  trace,
  traceOfSquare,
} from './linalg';
import { TERM } from './wasm/layout';

export { TERM, TERM_COUNT, type TermName } from './wasm/layout';

/** The n-vectors an evaluation leaves behind (wasm/layout.ts's LIKELIHOOD_VECTOR, by name). */
export interface LikelihoodVectors {
  /** ∂Rα (order ≥ 1). */
  dRAlpha: Float64Array;
  /** Rα (order ≥ 1). */
  rAlpha: Float64Array;
  /** diag P² = Σ_b P_ab² (order ≥ 1). */
  precisionSquaredDiagonal: Float64Array;
  /** ∂²Rα (order 2). */
  d2RAlpha: Float64Array;
  /** Aα (order 2). */
  productAlpha: Float64Array;
  /** PRα (order 2). */
  precisionRAlpha: Float64Array;
  /** Pα (order 2). */
  precisionAlpha: Float64Array;
  /** diag(AP) = Σ_b A_ab P_ab (order 2). */
  productPrecisionDiagonal: Float64Array;
}

/** The buffers the sums are computed in and leave behind: n×n row-major matrices, n-vectors. */
export interface TermBuffers extends LikelihoodVectors {
  n: number;
  y: Float64Array;
  correlation: Float64Array;
  correlationDLogLengthscale: Float64Array;
  correlationD2LogLengthscale: Float64Array;
  /** The Cholesky factor L of K (lower), written. */
  factor: Float64Array;
  /** U = L⁻ᵀ (upper triangular), written at order ≥ 1. */
  inverseFactor: Float64Array;
  /** P = K⁻¹, written at order ≥ 1. */
  precision: Float64Array;
  /** A = P ∂R/∂log ℓ (not symmetric), written at order 2. */
  precisionTimesDLogLengthscale: Float64Array;
  /** α = K⁻¹y, written. */
  alpha: Float64Array;
}

/** Fresh n-vectors for every field of LikelihoodVectors. */
export function createLikelihoodVectors(n: number): LikelihoodVectors {
  const vector = () => new Float64Array(n);
  return {
    dRAlpha: vector(),
    rAlpha: vector(),
    precisionSquaredDiagonal: vector(),
    d2RAlpha: vector(),
    productAlpha: vector(),
    precisionRAlpha: vector(),
    precisionAlpha: vector(),
    productPrecisionDiagonal: vector(),
  };
}

/** Σ_{k<length} |values[offset + k]|. */
function absoluteSum(values: Float64Array, offset: number, length: number): number {
  let sum = 0;
  for (let k = 0; k < length; k++) sum += Math.abs(values[offset + k]!);
  return sum;
}

/** The JavaScript product, so that this reference runs on no other kernel. */
const JS_PRODUCT = { product: productJs };

/**
 * The sums to the given order into `terms` (indexed by TERM), on the JavaScript kernels alone.
 * Returns −1, or the index of the pivot at which K cannot be factorised (the other buffers are
 * then left undefined).
 */
export function likelihoodTermsJs(
  buffers: TermBuffers,
  order: 0 | 1 | 2,
  signalVariance: number,
  noiseVariance: number,
  terms: Float64Array,
): number {
  const { n, y, factor, alpha, correlation, precision, inverseFactor } = buffers;
  const dR = buffers.correlationDLogLengthscale;
  const d2R = buffers.correlationD2LogLengthscale;
  for (let i = 0; i < n * n; i++) factor[i] = signalVariance * correlation[i]!;
  for (let i = 0; i < n; i++) factor[i * n + i] = factor[i * n + i]! + noiseVariance;
  const failedPivot = choleskyJs(factor, n);
  if (failedPivot >= 0) return failedPivot;
  alpha.set(y);
  solveCholeskyInPlace(factor, n, alpha);
  terms[TERM.yAlpha] = dot(y, alpha);
  if (order === 0) return -1;

  inverseTransposeOfLowerJs(factor, n, inverseFactor);
  inverseFromInverseTranspose(JS_PRODUCT, inverseFactor, n, precision);
  const { dRAlpha, rAlpha, d2RAlpha, productAlpha, precisionRAlpha, precisionAlpha } = buffers;
  multiplyMatrixVector(dR, n, alpha, dRAlpha);
  multiplyMatrixVector(correlation, n, alpha, rAlpha);
  terms[TERM.alphaDRAlpha] = dot(alpha, dRAlpha);
  terms[TERM.alphaRAlpha] = dot(alpha, rAlpha);
  terms[TERM.alphaAlpha] = dot(alpha, alpha);
  terms[TERM.precisionDotDR] = frobeniusInner(precision, dR);
  terms[TERM.precisionDotR] = frobeniusInner(precision, correlation);
  terms[TERM.tracePrecision] = trace(precision, n);
  let correlationRowAbsMax = 0;
  let precisionRowAbsMax = 0;
  for (let a = 0; a < n; a++) {
    buffers.precisionSquaredDiagonal[a] = dotRange(precision, a * n, precision, a * n, n);
    correlationRowAbsMax = Math.max(correlationRowAbsMax, absoluteSum(correlation, a * n, n));
    precisionRowAbsMax = Math.max(precisionRowAbsMax, absoluteSum(precision, a * n, n));
  }
  terms[TERM.correlationRowAbsMax] = correlationRowAbsMax;
  terms[TERM.precisionRowAbsMax] = precisionRowAbsMax;
  if (order === 1) return -1;

  const product = buffers.precisionTimesDLogLengthscale;
  multiplyTransposed(JS_PRODUCT, precision, dR, n, product); // = P ∂R/∂log ℓ (∂R/∂log ℓ symmetric)
  multiplyMatrixVector(product, n, alpha, productAlpha);
  multiplyMatrixVector(precision, n, rAlpha, precisionRAlpha);
  multiplyMatrixVector(precision, n, alpha, precisionAlpha);
  multiplyMatrixVector(d2R, n, alpha, d2RAlpha);
  terms[TERM.dRAlphaDotProductAlpha] = dot(dRAlpha, productAlpha);
  terms[TERM.dRAlphaDotPrecisionRAlpha] = dot(dRAlpha, precisionRAlpha);
  terms[TERM.dRAlphaDotPrecisionAlpha] = dot(dRAlpha, precisionAlpha);
  terms[TERM.rAlphaDotPrecisionRAlpha] = dot(rAlpha, precisionRAlpha);
  terms[TERM.rAlphaDotPrecisionAlpha] = dot(rAlpha, precisionAlpha);
  terms[TERM.alphaDotPrecisionAlpha] = dot(alpha, precisionAlpha);
  terms[TERM.alphaD2RAlpha] = dot(alpha, d2RAlpha);
  terms[TERM.precisionDotD2R] = frobeniusInner(precision, d2R);
  terms[TERM.traceProduct] = trace(product, n);
  terms[TERM.productDotPrecision] = frobeniusInner(product, precision);
  for (let a = 0; a < n; a++) {
    buffers.productPrecisionDiagonal[a] = dotRange(product, a * n, precision, a * n, n);
  }
  // ‖P‖² and ‖I − σn²P‖² are assembled from the strict lower triangle (P is symmetric) and the
  // diagonal, each a sum of squares, so neither loses digits when σn²P is close to I.
  let lowerSquares = 0;
  let diagonalSquares = 0;
  let identityMinusScaledDiagonalSquares = 0;
  for (let a = 0; a < n; a++) {
    const diagonal = precision[a * n + a]!;
    lowerSquares += dotRange(precision, a * n, precision, a * n, a);
    diagonalSquares += diagonal * diagonal;
    identityMinusScaledDiagonalSquares += (1 - noiseVariance * diagonal) ** 2;
  }
  terms[TERM.precisionLowerSquares] = lowerSquares;
  terms[TERM.precisionDiagonalSquares] = diagonalSquares;
  terms[TERM.identityMinusScaledDiagonalSquares] = identityMinusScaledDiagonalSquares;
  terms[TERM.productTraceOfSquare] = traceOfSquare(product, n);
  return -1;
}
