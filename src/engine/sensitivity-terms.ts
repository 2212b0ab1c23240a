/**
 * The O(n²) and O(n³) sums behind ∂g/∂x (sensitivity.ts), in plain JavaScript: the reference for,
 * and the fallback of, `sensitivityTerms` in wasm/dense/sensitivity-terms.wat. From the buffers an order-2
 * likelihood evaluation leaves (P, A = P ∂R/∂log ℓ, α, Aα, PRα, Pα, ∂R/∂log ℓ, ∂²R/∂(log ℓ)²):
 *
 *   D_ab   = ∂ρ(x_a − x_b)/∂x_a      = −(∂R/∂log ℓ)_ab / (x_a − x_b)
 *   D^ℓ_ab = ∂²ρ(x_a − x_b)/∂x_a∂log ℓ = −(∂²R/∂(log ℓ)²)_ab / (x_a − x_b)
 *
 * (zero for x_a = x_b), exact for every kernel of the form ρ(r/ℓ), where ∂/∂log ℓ = −r ∂/∂r; then
 * Dα, D^ℓα, the row sums of AP∘D, P∘D, P²∘D and P∘D^ℓ, and D(Aα), D(PRα), D(Pα).
 */
import { productJs } from './dense-js';
import type { LikelihoodVectors } from './likelihood-terms';
import { multiplyMatrixVector, multiplyTransposed } from './linalg';

/** The JavaScript product, so that this reference runs on no other kernel. */
const JS_PRODUCT = { product: productJs };

/** What the sums are computed from: the fields of an order-2 LikelihoodWorkspace. */
export interface SensitivityInputs extends Pick<
  LikelihoodVectors,
  'productAlpha' | 'precisionRAlpha' | 'precisionAlpha'
> {
  n: number;
  x: Float64Array;
  correlationDLogLengthscale: Float64Array;
  correlationD2LogLengthscale: Float64Array;
  precision: Float64Array;
  precisionTimesDLogLengthscale: Float64Array;
  alpha: Float64Array;
}

/**
 * The nine n-vectors the x-sensitivities are assembled from (wasm/layout.ts's SENSITIVITY_VECTOR,
 * by name).
 */
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
  /** D(Aα). */
  dProductAlpha: Float64Array;
  /** D(PRα). */
  dPrecisionRAlpha: Float64Array;
  /** D(Pα). */
  dPrecisionAlpha: Float64Array;
}

/** Nine fresh n-vectors, one per field of SensitivityTerms. */
export function createSensitivityTerms(n: number): SensitivityTerms {
  const vector = () => new Float64Array(n);
  return {
    dAlpha: vector(),
    dLogAlpha: vector(),
    sandwichTerm: vector(),
    precisionTerm: vector(),
    squaredTerm: vector(),
    precisionLogTerm: vector(),
    dProductAlpha: vector(),
    dPrecisionRAlpha: vector(),
    dPrecisionAlpha: vector(),
  };
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

/** The sums into `terms`, on the JavaScript kernels alone. */
export function sensitivityTermsJs(inputs: SensitivityInputs, terms: SensitivityTerms): void {
  const { n, precision, alpha } = inputs;
  const square = () => new Float64Array(n * n);
  const d = square();
  const dLog = square();
  fillInputDerivatives(inputs, d, dLog);
  const sandwich = square();
  const symmetric = { symmetricResult: true };
  multiplyTransposed(
    JS_PRODUCT,
    inputs.precisionTimesDLogLengthscale,
    precision,
    n,
    sandwich,
    symmetric,
  );
  const precisionSquared = square();
  multiplyTransposed(JS_PRODUCT, precision, precision, n, precisionSquared, symmetric);
  multiplyMatrixVector(d, n, alpha, terms.dAlpha);
  multiplyMatrixVector(dLog, n, alpha, terms.dLogAlpha);
  rowSumsOfProduct(sandwich, d, n, terms.sandwichTerm);
  rowSumsOfProduct(precision, d, n, terms.precisionTerm);
  rowSumsOfProduct(precisionSquared, d, n, terms.squaredTerm);
  rowSumsOfProduct(precision, dLog, n, terms.precisionLogTerm);
  multiplyMatrixVector(d, n, inputs.productAlpha, terms.dProductAlpha);
  multiplyMatrixVector(d, n, inputs.precisionRAlpha, terms.dPrecisionRAlpha);
  multiplyMatrixVector(d, n, inputs.precisionAlpha, terms.dPrecisionAlpha);
}
