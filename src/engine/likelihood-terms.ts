/**
 * The sums from which likelihood.ts assembles L(θ), its gradient and its Hessian, in plain
 * JavaScript: the reference for, and the fallback of, `likelihoodTerms` in wasm/dense.wat, which
 * computes the same sums into the same buffers. With K = σf²R + σn²I = LLᵀ, U = L⁻ᵀ, P = K⁻¹ = UUᵀ,
 * α = Py and A = P ∂R/∂log ℓ, the sums at each order are listed in TERM.
 */
import {
  choleskyInPlace,
  dot,
  dotRange,
  frobeniusInner,
  inverseFromInverseTranspose,
  inverseTransposeOfLower,
  multiplyMatrixVector,
  multiplyTransposed,
  solveCholeskyInPlace,
  trace,
  traceOfSquare,
} from './linalg';

/** Where each sum sits in the terms array. */
export const TERM = {
  // order 0
  yAlpha: 0,
  // order 1
  alphaDRAlpha: 1,
  alphaRAlpha: 2,
  alphaAlpha: 3,
  precisionDotDR: 4,
  precisionDotR: 5,
  tracePrecision: 6,
  // order 2: the quadratic terms (∂Rα, Rα, α) · (Aα, PRα, Pα)
  dRAlphaDotProductAlpha: 7,
  dRAlphaDotPrecisionRAlpha: 8,
  dRAlphaDotPrecisionAlpha: 9,
  rAlphaDotPrecisionRAlpha: 10,
  rAlphaDotPrecisionAlpha: 11,
  alphaDotPrecisionAlpha: 12,
  // order 2: the traces
  alphaD2RAlpha: 13,
  precisionDotD2R: 14,
  traceProduct: 15,
  productDotPrecision: 16,
  /** Σ_{a>b} P_ab² */
  precisionLowerSquares: 17,
  /** Σ_a P_aa² */
  precisionDiagonalSquares: 18,
  /** Σ_a (1 − σn² P_aa)² */
  identityMinusScaledDiagonalSquares: 19,
  /** tr(A²) */
  productTraceOfSquare: 20,
} as const;

export const TERM_COUNT = 21;

/** The buffers the sums are computed in and leave behind: n×n row-major matrices, n-vectors. */
export interface TermBuffers {
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
  /** ∂Rα, Rα, ∂²Rα, Aα, PRα, Pα, written as far as the order needs them. */
  vectors: Float64Array[];
}

/**
 * The sums to the given order into `terms` (indexed by TERM). Throws NotPositiveDefiniteError when
 * K cannot be factorised.
 */
export function likelihoodTermsJs(
  buffers: TermBuffers,
  order: 0 | 1 | 2,
  signalVariance: number,
  noiseVariance: number,
  terms: Float64Array,
): void {
  const { n, y, factor, alpha, correlation, precision, inverseFactor } = buffers;
  const dR = buffers.correlationDLogLengthscale;
  const d2R = buffers.correlationD2LogLengthscale;
  for (let i = 0; i < n * n; i++) factor[i] = signalVariance * correlation[i]!;
  for (let i = 0; i < n; i++) factor[i * n + i] = factor[i * n + i]! + noiseVariance;
  choleskyInPlace(factor, n);
  alpha.set(y);
  solveCholeskyInPlace(factor, n, alpha);
  terms[TERM.yAlpha] = dot(y, alpha);
  if (order === 0) return;

  inverseTransposeOfLower(factor, n, inverseFactor);
  inverseFromInverseTranspose(inverseFactor, n, precision);
  const [dRAlpha, rAlpha, d2RAlpha, productAlpha, precisionRAlpha, precisionAlpha] =
    buffers.vectors as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
  multiplyMatrixVector(dR, n, alpha, dRAlpha);
  multiplyMatrixVector(correlation, n, alpha, rAlpha);
  terms[TERM.alphaDRAlpha] = dot(alpha, dRAlpha);
  terms[TERM.alphaRAlpha] = dot(alpha, rAlpha);
  terms[TERM.alphaAlpha] = dot(alpha, alpha);
  terms[TERM.precisionDotDR] = frobeniusInner(precision, dR);
  terms[TERM.precisionDotR] = frobeniusInner(precision, correlation);
  terms[TERM.tracePrecision] = trace(precision, n);
  if (order === 1) return;

  const product = buffers.precisionTimesDLogLengthscale;
  multiplyTransposed(precision, dR, n, product); // = P ∂R/∂log ℓ, as ∂R/∂log ℓ is symmetric
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
}
