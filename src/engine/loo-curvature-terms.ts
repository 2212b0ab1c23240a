/**
 * The b-weighted sums behind the leave-one-out rule's Hessian (rules/loo.ts, "The Hessian alone"),
 * in plain JavaScript: the reference for, and the fallback of, `looCurvatureSums` in
 * wasm/dense/loo-curvature-sums.wat. With P = K⁻¹, A = P ∂R/∂log ℓ, Δ₂ = ∂²R/∂(log ℓ)², B = diag b, Q = PBP and
 * S = AP = PΔP (both symmetric: lower triangles computed, then mirrored):
 *
 *   d3 = Σₐ bₐ(P³)ₐₐ = ⟨P, Q⟩,   s2 = Σₐ bₐ(SP)ₐₐ = ⟨A, Q⟩,   e2 = Σₐ bₐ(PΔ₂P)ₐₐ = ⟨Δ₂, Q⟩,
 *   s3 = Σₐ bₐ(AS)ₐₐ,
 *
 * ⟨·,·⟩ the Frobenius product, at the indices of wasm/layout.ts's LOO_CURVATURE_SUM.
 */
import { dotRange, productJs } from './dense-js';
import { LOO_CURVATURE_SUM } from './wasm/layout';

export { LOO_CURVATURE_SUM, LOO_CURVATURE_SUM_COUNT } from './wasm/layout';

/** What the sums are computed from: n×n row-major matrices, and the weights b. */
export interface LooCurvatureInputs {
  n: number;
  /** P. */
  precision: Float64Array;
  /** A = P ∂R/∂log ℓ. */
  precisionTimesDLogLengthscale: Float64Array;
  /** ∂²R/∂(log ℓ)². */
  correlationD2LogLengthscale: Float64Array;
  /** b. */
  varianceWeight: Float64Array;
}

/** n×n work space the JavaScript reference computes PB, Q and S in (the module keeps its own). */
export interface LooCurvatureWork {
  weighted: Float64Array;
  q: Float64Array;
  sandwich: Float64Array;
}

function lowerProductMirrored(a: Float64Array, b: Float64Array, n: number, out: Float64Array) {
  productJs(a, b, n, out, {
    start: 0,
    kStart: 0,
    kEnd: n,
    lowerOnly: true,
    subtract: false,
    bothUpperTriangular: false,
  });
  for (let row = 0; row < n; row++) {
    for (let col = row + 1; col < n; col++) out[row * n + col] = out[col * n + row]!;
  }
}

/** The four sums of the module comment into `out` (LOO_CURVATURE_SUM). */
export function looCurvatureSumsJs(
  inputs: LooCurvatureInputs,
  work: LooCurvatureWork,
  out: Float64Array,
): void {
  const { n, precision, varianceWeight: b } = inputs;
  const product = inputs.precisionTimesDLogLengthscale;
  const { weighted, q, sandwich } = work;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) weighted[row * n + col] = precision[row * n + col]! * b[col]!;
  }
  lowerProductMirrored(weighted, precision, n, q);
  lowerProductMirrored(product, precision, n, sandwich);
  const square = n * n;
  out[LOO_CURVATURE_SUM.d3] = dotRange(precision, 0, q, 0, square);
  out[LOO_CURVATURE_SUM.s2] = dotRange(product, 0, q, 0, square);
  out[LOO_CURVATURE_SUM.e2] = dotRange(inputs.correlationD2LogLengthscale, 0, q, 0, square);
  let s3 = 0;
  for (let k = 0; k < n; k++) s3 += b[k]! * dotRange(product, k * n, sandwich, k * n, n);
  out[LOO_CURVATURE_SUM.s3] = s3;
}
