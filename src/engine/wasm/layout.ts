/**
 * The interface between the module in wasm/dense/ and the TypeScript that calls it, in one place: where each
 * likelihood sum and each work vector sits, the product's flag bits, the Cholesky panel width and
 * the kernels' codes. The TypeScript side imports these objects; `npm run build:wasm` (and the test
 * that checks the shipped binary) substitutes each `{{NAME}}` in its .wat files with WAT_CONSTANTS[NAME]
 * before compiling, so the two sides cannot drift apart.
 */
import type { KernelName } from '../types';

/**
 * Where each sum of likelihoodTerms sits in the terms array (likelihood-terms.ts). With
 * K = σf²R + σn²I, P = K⁻¹, α = Py and A = P ∂R/∂log ℓ:
 */
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
  // order 1: the largest absolute row sums, for κ₁(K) = ‖K‖₁‖P‖₁ (roundoff.ts)
  /** max_a Σ_b |R_ab| */
  correlationRowAbsMax: 21,
  /** max_a Σ_b |P_ab| */
  precisionRowAbsMax: 22,
} as const;

export type TermName = keyof typeof TERM;

export const TERM_COUNT = Object.keys(TERM).length;

/**
 * The eight n-vectors a likelihood evaluation leaves, in the order they sit in the module's memory
 * (one row of n doubles each): ∂Rα, Rα and diag P² (order ≥ 1), then ∂²Rα, Aα, PRα, Pα and
 * diag(AP) (order 2). The diagonals are what the leave-one-out rule reads (rules/loo.ts).
 */
export const LIKELIHOOD_VECTOR = {
  dRAlpha: 0,
  rAlpha: 1,
  precisionSquaredDiagonal: 2,
  d2RAlpha: 3,
  productAlpha: 4,
  precisionRAlpha: 5,
  precisionAlpha: 6,
  productPrecisionDiagonal: 7,
} as const;

export type LikelihoodVectorName = keyof typeof LIKELIHOOD_VECTOR;

/** The vectors an order-1 evaluation writes (the first three); order 2 writes all eight. */
export const ORDER_ONE_VECTOR_COUNT = 3;

/** βᵢ/scaleᵢ = Aα, PRα, Pα: the vectors sensitivityTerms reads, in this order, at `betas`. */
export const BETA_VECTOR = {
  productAlpha: 0,
  precisionRAlpha: 1,
  precisionAlpha: 2,
} as const;

/** The nine n-vectors sensitivityTerms writes (sensitivity-terms.ts), in memory order. */
export const SENSITIVITY_VECTOR = {
  dAlpha: 0,
  dLogAlpha: 1,
  sandwichTerm: 2,
  precisionTerm: 3,
  squaredTerm: 4,
  precisionLogTerm: 5,
  dProductAlpha: 6,
  dPrecisionRAlpha: 7,
  dPrecisionAlpha: 8,
} as const;

export type SensitivityVectorName = keyof typeof SENSITIVITY_VECTOR;

/**
 * Where each b-weighted sum of looCurvatureSums sits in its output (loo-curvature-terms.ts): with
 * Q = PBP and S = PΔP,
 */
export const LOO_CURVATURE_SUM = {
  /** Σₐ bₐ(P³)ₐₐ = ⟨P, Q⟩ */
  d3: 0,
  /** Σₐ bₐ(SP)ₐₐ = ⟨A, Q⟩ */
  s2: 1,
  /** Σₐ bₐ(PΔ₂P)ₐₐ = ⟨Δ₂, Q⟩ */
  e2: 2,
  /** Σₐ bₐ(AS)ₐₐ */
  s3: 3,
} as const;

export const LOO_CURVATURE_SUM_COUNT = Object.keys(LOO_CURVATURE_SUM).length;

/** The bits of the product kernel's `flags` (ProductRange in dense-js.ts says what each does). */
export const PRODUCT_FLAG = {
  lowerOnly: 1,
  subtract: 2,
  bothUpperTriangular: 4,
} as const;

/** Column width of the blocks in the blocked Cholesky factorisation: a 48-column panel stays in cache. */
export const CHOLESKY_BLOCK = 48;

/** The code of each correlation kernel in fillCorrelationMatrices. */
export const KERNEL_CODE = {
  rbf: 0,
  matern52: 1,
  matern32: 2,
} as const satisfies Record<KernelName, number>;

const BYTES_PER_DOUBLE = 8;

function named(prefix: string, table: Readonly<Record<string, number>>, scale = 1) {
  return Object.fromEntries(
    Object.entries(table).map(([name, value]) => [`${prefix}.${name}`, value * scale]),
  );
}

/**
 * Every constant the .wat files refer to as `{{NAME}}`: TERM_BYTES.* and LOO_CURVATURE_SUM_BYTES.* are
 * byte offsets into their output arrays; the vector tables are row indices (multiplied by the row's bytes in the module).
 */
export const WAT_CONSTANTS: Readonly<Record<string, number>> = {
  CHOLESKY_BLOCK,
  ...named('TERM_BYTES', TERM, BYTES_PER_DOUBLE),
  ...named('LIKELIHOOD_VECTOR', LIKELIHOOD_VECTOR),
  ...named('BETA_VECTOR', BETA_VECTOR),
  ...named('SENSITIVITY_VECTOR', SENSITIVITY_VECTOR),
  ...named('LOO_CURVATURE_SUM_BYTES', LOO_CURVATURE_SUM, BYTES_PER_DOUBLE),
  ...named('PRODUCT_FLAG', PRODUCT_FLAG),
  ...named('KERNEL_CODE', KERNEL_CODE),
};
