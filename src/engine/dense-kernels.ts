/**
 * The engine's dense kernels as one object, chosen once — per likelihood workspace, per posterior,
 * per profile — and passed to everything that computes with it: WebAssembly SIMD (dense-wasm.ts)
 * wherever it compiles, otherwise plain JavaScript (the reference, JS_DENSE_KERNELS below). Both
 * compute the same algorithms; only the order of the additions differs.
 */
import { choleskyJs, inverseTransposeOfLowerJs, productJs, type ProductRange } from './dense-js';
import { loadDenseWasm } from './dense-wasm';
import { tridiagonaliseJs } from './eigen';
import { fillCorrelationMatricesJs } from './kernels';
import { likelihoodTermsJs, type TermBuffers } from './likelihood-terms';
import {
  looCurvatureSumsJs,
  type LooCurvatureInputs,
  type LooCurvatureWork,
} from './loo-curvature-terms';
import {
  sensitivityTermsJs,
  type SensitivityInputs,
  type SensitivityTerms,
} from './sensitivity-terms';
import type { KernelName } from './types';

/** Where the dense kernels run. */
export type DenseBackend = 'wasm' | 'js';

/** The O(n²) and O(n³) kernels, on caller-owned row-major n×n Float64Arrays. */
export interface DenseKernels {
  readonly backend: DenseBackend;
  /**
   * In-place blocked Cholesky factorisation (choleskyJs): L in the lower triangle, zeros above.
   * Returns −1, or the index of the first pivot that is not positive.
   */
  cholesky(matrix: Float64Array, n: number): number;
  /** U = L⁻ᵀ from a lower-triangular L (inverseTransposeOfLowerJs). */
  inverseTransposeOfLower(factor: Float64Array, n: number, out: Float64Array): void;
  /** out = A Bᵀ (or out −= A Bᵀ) over a range (productJs). */
  product(
    a: Float64Array,
    b: Float64Array,
    n: number,
    out: Float64Array,
    range: ProductRange,
  ): void;
  /**
   * Householder tridiagonalisation of the symmetric `matrix` (tridiagonaliseJs, eigen.ts), which
   * may be destroyed: T's diagonal and sub-diagonal, and `vector` replaced by Q_Hᵀ vector.
   */
  tridiagonalise(
    matrix: Float64Array,
    n: number,
    diagonal: Float64Array,
    subdiagonal: Float64Array,
    vector: Float64Array,
  ): void;
  /**
   * The likelihood's sums to the given order (likelihoodTermsJs). Returns −1, or the index of
   * the pivot at which K = σf²R + σn²I is not positive definite.
   */
  likelihoodTerms(
    buffers: TermBuffers,
    order: 0 | 1 | 2,
    signalVariance: number,
    noiseVariance: number,
    terms: Float64Array,
  ): number;
  /** The sums behind ∂∇L/∂x (sensitivityTermsJs). */
  sensitivityTerms(inputs: SensitivityInputs, terms: SensitivityTerms): void;
  /**
   * The b-weighted sums behind the leave-one-out Hessian into `out` (looCurvatureSumsJs); `work`
   * is n×n space the JavaScript kernels compute in.
   */
  looCurvatureSums(inputs: LooCurvatureInputs, work: LooCurvatureWork, out: Float64Array): void;
  /**
   * R_ab = φ(s), ∂R/∂log ℓ and ∂²R/∂(log ℓ)² with s = sPerDistance |x_a − x_b|
   * (fillCorrelationMatricesJs, kernels.ts); the derivative matrices only when given.
   */
  fillCorrelationMatrices(
    kernel: KernelName,
    x: Float64Array,
    sPerDistance: number,
    correlation: Float64Array,
    dR?: Float64Array,
    d2R?: Float64Array,
  ): void;
}

/** The plain-JavaScript kernels: the reference, and the fallback where WebAssembly cannot run. */
export const JS_DENSE_KERNELS: DenseKernels = {
  backend: 'js',
  cholesky: choleskyJs,
  inverseTransposeOfLower: inverseTransposeOfLowerJs,
  product: productJs,
  tridiagonalise: tridiagonaliseJs,
  likelihoodTerms: likelihoodTermsJs,
  sensitivityTerms: sensitivityTermsJs,
  looCurvatureSums: looCurvatureSumsJs,
  fillCorrelationMatrices: fillCorrelationMatricesJs,
};

let defaultBackend: DenseBackend | null = null;

/** The default backend: 'wasm' where this runtime can compile the WebAssembly kernels. */
export function denseBackend(): DenseBackend {
  defaultBackend ??= loadDenseWasm() ? 'wasm' : 'js';
  return defaultBackend;
}

/**
 * Chooses the default backend for every workspace created later (to compare the two, or to test
 * the fallback) and returns the previous one. Throws if 'wasm' is asked for where it cannot be
 * compiled.
 */
export function setDenseBackend(next: DenseBackend): DenseBackend {
  const previous = denseBackend();
  if (next === 'wasm' && !loadDenseWasm()) {
    throw new Error('WebAssembly SIMD cannot be compiled in this runtime');
  }
  defaultBackend = next;
  return previous;
}

/** The kernels of `backend` (by default the default backend's). */
export function denseKernels(backend: DenseBackend = denseBackend()): DenseKernels {
  if (backend === 'js') return JS_DENSE_KERNELS;
  const wasm = loadDenseWasm();
  if (!wasm) throw new Error('WebAssembly SIMD cannot be compiled in this runtime');
  return wasm;
}
