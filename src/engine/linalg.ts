/**
 * Dense float64 linear algebra on flat, row-major `Float64Array`s. These loops are the engine's hot
 * path: no allocation inside them, contiguous inner loops, symmetric work done once.
 *
 * An n×n matrix M is stored with M[i][j] at index i * n + j.
 */

/** Thrown when a matrix that must be symmetric positive definite is not (numerically). */
export class NotPositiveDefiniteError extends Error {
  constructor(readonly pivotIndex: number) {
    super(`matrix is not positive definite (pivot ${pivotIndex})`);
    this.name = 'NotPositiveDefiniteError';
  }
}

/**
 * In-place Cholesky factorisation A = L Lᵀ (Golub & Van Loan 2013, Alg. 4.2.1, row-oriented).
 * Reads the lower triangle of `matrix`, overwrites it with L and zeroes the strict upper triangle.
 * Throws NotPositiveDefiniteError when a pivot is not positive.
 */
export function choleskyInPlace(matrix: Float64Array, n: number): void {
  for (let row = 0; row < n; row++) {
    const rowOffset = row * n;
    for (let col = 0; col <= row; col++) {
      const colOffset = col * n;
      let sum = matrix[rowOffset + col]!;
      for (let k = 0; k < col; k++) sum -= matrix[rowOffset + k]! * matrix[colOffset + k]!;
      if (col === row) {
        if (!(sum > 0)) throw new NotPositiveDefiniteError(row);
        matrix[rowOffset + row] = Math.sqrt(sum);
      } else {
        matrix[rowOffset + col] = sum / matrix[colOffset + col]!;
      }
    }
    for (let col = row + 1; col < n; col++) matrix[rowOffset + col] = 0;
  }
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
    const offset = i * n;
    let sum = vector[i]!;
    for (let k = 0; k < i; k++) sum -= factor[offset + k]! * vector[k]!;
    vector[i] = sum / factor[offset + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = vector[i]!;
    for (let k = i + 1; k < n; k++) sum -= factor[k * n + i]! * vector[k]!;
    vector[i] = sum / factor[i * n + i]!;
  }
}

/**
 * Inverse of a lower-triangular L, written into the lower triangle of `out` (upper set to 0).
 * Column-by-column forward substitution; `out` may not alias `factor`.
 */
export function invertLowerTriangular(factor: Float64Array, n: number, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < n; i++) {
    const rowOffset = i * n;
    out[rowOffset + i] = 1 / factor[rowOffset + i]!;
    for (let j = 0; j < i; j++) {
      // (L⁻¹)_ij = −(Σ_{k=j}^{i−1} L_ik (L⁻¹)_kj) / L_ii
      let sum = 0;
      for (let k = j; k < i; k++) sum += factor[rowOffset + k]! * out[k * n + j]!;
      out[rowOffset + j] = -sum / factor[rowOffset + i]!;
    }
  }
}

/**
 * A⁻¹ = L⁻ᵀ L⁻¹ from the inverse factor M = L⁻¹ (lower triangular), symmetric, written in full.
 * (A⁻¹)_ij = Σ_{k ≥ max(i,j)} M_ki M_kj.
 */
export function inverseFromInverseFactor(
  inverseFactor: Float64Array,
  n: number,
  out: Float64Array,
): void {
  out.fill(0);
  // Accumulate row by row of M so the inner loop runs over contiguous memory.
  for (let k = 0; k < n; k++) {
    const kOffset = k * n;
    for (let i = 0; i <= k; i++) {
      const mki = inverseFactor[kOffset + i]!;
      if (mki === 0) continue;
      const iOffset = i * n;
      for (let j = 0; j <= i; j++)
        out[iOffset + j] = out[iOffset + j]! + mki * inverseFactor[kOffset + j]!;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) out[j * n + i] = out[i * n + j]!;
  }
}

/** out = A B for n×n row-major A, B (i-k-j order: contiguous inner loop). `out` aliases neither. */
export function multiplySquare(
  a: Float64Array,
  b: Float64Array,
  n: number,
  out: Float64Array,
): void {
  out.fill(0);
  for (let i = 0; i < n; i++) {
    const iOffset = i * n;
    for (let k = 0; k < n; k++) {
      const aik = a[iOffset + k]!;
      if (aik === 0) continue;
      const kOffset = k * n;
      for (let j = 0; j < n; j++) out[iOffset + j] = out[iOffset + j]! + aik * b[kOffset + j]!;
    }
  }
}

/**
 * out = A B when the product is known to be symmetric (e.g. P S P, P P for symmetric P, S):
 * computes the lower triangle by rows and mirrors it, half the work of `multiplySquare`.
 * Requires B symmetric so row j of B serves as column j.
 */
export function multiplyToSymmetric(
  a: Float64Array,
  symmetricB: Float64Array,
  n: number,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const iOffset = i * n;
    for (let j = 0; j <= i; j++) {
      const jOffset = j * n;
      let sum = 0;
      for (let k = 0; k < n; k++) sum += a[iOffset + k]! * symmetricB[jOffset + k]!;
      out[iOffset + j] = sum;
      out[jOffset + i] = sum;
    }
  }
}

/** out = M v for an n×n row-major M. */
export function multiplyMatrixVector(
  matrix: Float64Array,
  n: number,
  vector: Float64Array,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const offset = i * n;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += matrix[offset + k]! * vector[k]!;
    out[i] = sum;
  }
}

/** Σ_i a_i b_i. */
export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Σ_ij A_ij B_ij (Frobenius inner product; equals tr(A B) when one of them is symmetric). */
export function frobeniusInner(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
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
