/**
 * The O(n²) and O(n³) sums behind ∂g/∂x (sensitivity.ts), in plain JavaScript: the reference for,
 * and the fallback of, `sensitivityTerms` in wasm/dense.wat. From the buffers an order-2
 * likelihood evaluation leaves (P, A = P ∂R/∂log ℓ, α, Aα, PRα, Pα, ∂R/∂log ℓ, ∂²R/∂(log ℓ)²):
 *
 *   D_ab   = ∂ρ(x_a − x_b)/∂x_a      = −(∂R/∂log ℓ)_ab / (x_a − x_b)
 *   D^ℓ_ab = ∂²ρ(x_a − x_b)/∂x_a∂log ℓ = −(∂²R/∂(log ℓ)²)_ab / (x_a − x_b)
 *
 * (zero for x_a = x_b), exact for every kernel of the form ρ(r/ℓ), where ∂/∂log ℓ = −r ∂/∂r; then
 * Dα, D^ℓα, the row sums of AP∘D, P∘D, P²∘D and P∘D^ℓ, and D(Aα), D(PRα), D(Pα).
 */
import { multiplyMatrixVector, multiplyTransposed } from './linalg';

/** What the sums are computed from: the fields of an order-2 LikelihoodWorkspace. */
export interface SensitivityInputs {
  n: number;
  x: Float64Array;
  correlationDLogLengthscale: Float64Array;
  correlationD2LogLengthscale: Float64Array;
  precision: Float64Array;
  precisionTimesDLogLengthscale: Float64Array;
  alpha: Float64Array;
  /** ∂Rα, Rα, ∂²Rα, Aα, PRα, Pα. */
  vectors: Float64Array[];
}

/** The nine n-vectors the x-sensitivities are assembled from. */
export interface SensitivityTerms {
  dAlpha: Float64Array;
  dLogAlpha: Float64Array;
  /** Σ_b (AP)_kb D_kb. */
  sandwichTerm: Float64Array;
  /** Σ_b P_kb D_kb. */
  precisionTerm: Float64Array;
  /** Σ_b (P²)_kb D_kb. */
  squaredTerm: Float64Array;
  /** Σ_b P_kb D^ℓ_kb. */
  precisionLogTerm: Float64Array;
  /** D(Aα), D(PRα), D(Pα). */
  dBeta: [Float64Array, Float64Array, Float64Array];
}

export const SENSITIVITY_TERM_VECTORS = 9;

/** Nine fresh n-vectors, in the order of SensitivityTerms' fields. */
export function createSensitivityTerms(n: number): SensitivityTerms {
  const vector = () => new Float64Array(n);
  return {
    dAlpha: vector(),
    dLogAlpha: vector(),
    sandwichTerm: vector(),
    precisionTerm: vector(),
    squaredTerm: vector(),
    precisionLogTerm: vector(),
    dBeta: [vector(), vector(), vector()],
  };
}

/** The vectors of `terms` in the order wasm/dense.wat writes them. */
export function sensitivityTermVectors(terms: SensitivityTerms): Float64Array[] {
  return [
    terms.dAlpha,
    terms.dLogAlpha,
    terms.sandwichTerm,
    terms.precisionTerm,
    terms.squaredTerm,
    terms.precisionLogTerm,
    ...terms.dBeta,
  ];
}

/** Row sums of the elementwise product A ∘ B of two n×n matrices. */
function rowSumsOfProduct(a: Float64Array, b: Float64Array, n: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const offset = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += a[offset + j]! * b[offset + j]!;
    out[i] = sum;
  }
}

/** Fills D and D^ℓ from ∂R/∂log ℓ and ∂²R/∂(log ℓ)² (see the module comment). */
export function fillInputDerivatives(
  inputs: Pick<
    SensitivityInputs,
    'n' | 'x' | 'correlationDLogLengthscale' | 'correlationD2LogLengthscale'
  >,
  d: Float64Array,
  dLog: Float64Array,
): void {
  const { n, x } = inputs;
  const dR = inputs.correlationDLogLengthscale;
  const d2R = inputs.correlationD2LogLengthscale;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const difference = x[a]! - x[b]!;
      const index = a * n + b;
      d[index] = difference === 0 ? 0 : -dR[index]! / difference;
      dLog[index] = difference === 0 ? 0 : -d2R[index]! / difference;
    }
  }
}

/** The sums into `terms`. */
export function sensitivityTermsJs(inputs: SensitivityInputs, terms: SensitivityTerms): void {
  const { n, precision, alpha } = inputs;
  const square = () => new Float64Array(n * n);
  const d = square();
  const dLog = square();
  fillInputDerivatives(inputs, d, dLog);
  const sandwich = square();
  multiplyTransposed(inputs.precisionTimesDLogLengthscale, precision, n, sandwich, true);
  const precisionSquared = square();
  multiplyTransposed(precision, precision, n, precisionSquared, true);
  multiplyMatrixVector(d, n, alpha, terms.dAlpha);
  multiplyMatrixVector(dLog, n, alpha, terms.dLogAlpha);
  rowSumsOfProduct(sandwich, d, n, terms.sandwichTerm);
  rowSumsOfProduct(precision, d, n, terms.precisionTerm);
  rowSumsOfProduct(precisionSquared, d, n, terms.squaredTerm);
  rowSumsOfProduct(precision, dLog, n, terms.precisionLogTerm);
  for (let i = 0; i < 3; i++) {
    multiplyMatrixVector(d, n, inputs.vectors[3 + i]!, terms.dBeta[i as 0 | 1 | 2]);
  }
}
