/**
 * Dense float64 linear algebra on flat, row-major `Float64Array`s: the engine's hot path.
 * An n×n matrix M is stored with M[i][j] at index i * n + j.
 *
 * The O(n³) kernels (Cholesky factorisation, triangular inverse, products) run on the DenseKernels
 * the caller passes (dense-kernels.ts). The O(n²) helpers here are plain JavaScript.
 */
import { dotRange } from './dense-js';
import type { DenseKernels } from './dense-kernels';

export { dotRange };

/** Thrown when a matrix that must be symmetric positive definite is not (numerically). */
export class NotPositiveDefiniteError extends Error {
  constructor(readonly pivotIndex: number) {
    super(`matrix is not positive definite (pivot ${pivotIndex})`);
    this.name = 'NotPositiveDefiniteError';
  }
}

/**
 * In-place Cholesky factorisation A = L Lᵀ, blocked right-looking (Golub & Van Loan 2013,
 * Alg. 4.2.3). Reads the lower triangle of `matrix`, overwrites it with L and zeroes the strict
 * upper triangle. Throws NotPositiveDefiniteError when a pivot is not positive.
 */
export function choleskyInPlace(kernels: DenseKernels, matrix: Float64Array, n: number): void {
  const failedPivot = kernels.cholesky(matrix, n);
  if (failedPivot >= 0) throw new NotPositiveDefiniteError(failedPivot);
}

/** log|A| = 2 Σ log L_ii from a Cholesky factor L of A. */
export function logDeterminantFromCholesky(factor: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.log(factor[i * n + i]!);
  return 2 * sum;
}

/** Solves L Lᵀ x = b in place (b is overwritten with x) by forward then back substitution. */
export function solveCholeskyInPlace(factor: Float64Array, n: number, vector: Float64Array): void {
  for (let i = 0; i < n; i++) {
    vector[i] = (vector[i]! - dotRange(factor, i * n, vector, 0, i)) / factor[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = vector[i]!;
    for (let k = i + 1; k < n; k++) sum -= factor[k * n + i]! * vector[k]!;
    vector[i] = sum / factor[i * n + i]!;
  }
}

/**
 * U = L⁻ᵀ (upper triangular) from a lower-triangular L: row j of U is column j of L⁻¹, by forward
 * substitution  U_ji = (δ_ij − Σ_{k=j}^{i−1} L_ik U_jk) / L_ii  for i ≥ j.
 */
export function inverseTransposeOfLower(
  kernels: DenseKernels,
  factor: Float64Array,
  n: number,
  out: Float64Array,
): void {
  kernels.inverseTransposeOfLower(factor, n, out);
}

/**
 * What `multiplyTransposed` may assume: with `symmetricResult` only the lower triangle is computed
 * and then mirrored; with `bothUpperTriangular` the terms that vanish because A and B are upper
 * triangular are skipped.
 */
export interface ProductOptions {
  symmetricResult?: boolean;
  bothUpperTriangular?: boolean;
}

/** out = A Bᵀ for n×n row-major A, B, on `kernels`' product; equals A B when B is symmetric. */
export function multiplyTransposed(
  kernels: Pick<DenseKernels, 'product'>,
  a: Float64Array,
  b: Float64Array,
  n: number,
  out: Float64Array,
  { symmetricResult = false, bothUpperTriangular = false }: ProductOptions = {},
): void {
  kernels.product(a, b, n, out, {
    start: 0,
    kStart: 0,
    kEnd: n,
    lowerOnly: symmetricResult,
    subtract: false,
    bothUpperTriangular,
  });
  if (symmetricResult) {
    for (let row = 0; row < n; row++) {
      for (let col = row + 1; col < n; col++) out[row * n + col] = out[col * n + row]!;
    }
  }
}

/** P = A⁻¹ = U Uᵀ from U = L⁻ᵀ (A = LLᵀ), using that U is upper triangular. */
export function inverseFromInverseTranspose(
  kernels: Pick<DenseKernels, 'product'>,
  inverseTranspose: Float64Array,
  n: number,
  out: Float64Array,
): void {
  multiplyTransposed(kernels, inverseTranspose, inverseTranspose, n, out, {
    symmetricResult: true,
    bothUpperTriangular: true,
  });
}

/**
 * out = M v for an n×n row-major M. Four rows at a time, so each load of v serves four running
 * sums (about twice as fast in V8 as one row at a time).
 */
export function multiplyMatrixVector(
  matrix: Float64Array,
  n: number,
  vector: Float64Array,
  out: Float64Array,
): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const i0 = i * n;
    const i1 = i0 + n;
    const i2 = i1 + n;
    const i3 = i2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let k = 0; k < n; k++) {
      const value = vector[k]!;
      s0 += matrix[i0 + k]! * value;
      s1 += matrix[i1 + k]! * value;
      s2 += matrix[i2 + k]! * value;
      s3 += matrix[i3 + k]! * value;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < n; i++) out[i] = dotRange(matrix, i * n, vector, 0, n);
}

/** Σ_i a_i b_i. */
export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Σ_ij A_ij B_ij (Frobenius inner product; equals tr(A B) when one of them is symmetric). */
export function frobeniusInner(a: Float64Array, b: Float64Array): number {
  return dotRange(a, 0, b, 0, a.length);
}

/** Σ_ij A_ij A_ji = tr(A²) for a square (not necessarily symmetric) A. */
export function traceOfSquare(a: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += a[i * n + i]! * a[i * n + i]!;
    for (let j = 0; j < i; j++) sum += 2 * a[i * n + j]! * a[j * n + i]!;
  }
  return sum;
}

/** tr(A). */
export function trace(a: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i * n + i]!;
  return sum;
}
