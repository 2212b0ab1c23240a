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
 * Σ_{k<length} a[aOffset + k] b[bOffset + k] with four independent accumulators, so the additions
 * pipeline instead of waiting on each other (about twice as fast as a single running sum in V8).
 */
export function dotRange(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  length: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < length; k += 4) {
    s0 += a[aOffset + k]! * b[bOffset + k]!;
    s1 += a[aOffset + k + 1]! * b[bOffset + k + 1]!;
    s2 += a[aOffset + k + 2]! * b[bOffset + k + 2]!;
    s3 += a[aOffset + k + 3]! * b[bOffset + k + 3]!;
  }
  for (; k < length; k++) s0 += a[aOffset + k]! * b[bOffset + k]!;
  return s0 + s1 + (s2 + s3);
}

/** Column width of the blocks in the blocked factorisation: a 48-column panel stays in cache. */
const CHOLESKY_BLOCK = 48;

/**
 * In-place Cholesky factorisation A = L Lᵀ, blocked right-looking (Golub & Van Loan 2013,
 * Alg. 4.2.3): factor a diagonal block, solve the panel below it, subtract the panel's outer
 * product from the trailing matrix with the register-blocked kernel. Every inner product runs over
 * contiguous row segments. Reads the lower triangle of `matrix`, overwrites it with L and zeroes the
 * strict upper triangle. Throws NotPositiveDefiniteError when a pivot is not positive.
 */
export function choleskyInPlace(matrix: Float64Array, n: number): void {
  for (let blockStart = 0; blockStart < n; blockStart += CHOLESKY_BLOCK) {
    const blockEnd = Math.min(blockStart + CHOLESKY_BLOCK, n);
    for (let row = blockStart; row < n; row++) {
      const rowOffset = row * n;
      const lastColumn = Math.min(row, blockEnd);
      for (let col = blockStart; col < lastColumn; col++) {
        const colOffset = col * n;
        const length = col - blockStart;
        const sum =
          matrix[rowOffset + col]! -
          dotRange(matrix, rowOffset + blockStart, matrix, colOffset + blockStart, length);
        matrix[rowOffset + col] = sum / matrix[colOffset + col]!;
      }
      if (row < blockEnd) {
        const length = row - blockStart;
        const pivot =
          matrix[rowOffset + row]! -
          dotRange(matrix, rowOffset + blockStart, matrix, rowOffset + blockStart, length);
        if (!(pivot > 0)) throw new NotPositiveDefiniteError(row);
        matrix[rowOffset + row] = Math.sqrt(pivot);
      }
    }
    subtractPanelProduct(matrix, n, blockEnd, blockStart, blockEnd);
  }
  for (let row = 0; row < n; row++) {
    for (let col = row + 1; col < n; col++) matrix[row * n + col] = 0;
  }
}

/**
 * M_rc −= Σ_{k ∈ [kStart, kEnd)} M_rk M_ck for start ≤ c ≤ r < n (the trailing update of the
 * blocked Cholesky). 4×2 register blocks; entries just above the diagonal inside a block are
 * written too, which is harmless because the factorisation never reads the upper triangle.
 */
function subtractPanelProduct(
  m: Float64Array,
  n: number,
  start: number,
  kStart: number,
  kEnd: number,
): void {
  let r = start;
  for (; r + 3 < n; r += 4) {
    const r0 = r * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let c = start;
    for (; c + 1 < r + 4; c += 2) {
      const c0 = c * n;
      const c1 = c0 + n;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let s20 = 0;
      let s21 = 0;
      let s30 = 0;
      let s31 = 0;
      for (let k = kStart; k < kEnd; k++) {
        const b0 = m[c0 + k]!;
        const b1 = m[c1 + k]!;
        let value = m[r0 + k]!;
        s00 += value * b0;
        s01 += value * b1;
        value = m[r1 + k]!;
        s10 += value * b0;
        s11 += value * b1;
        value = m[r2 + k]!;
        s20 += value * b0;
        s21 += value * b1;
        value = m[r3 + k]!;
        s30 += value * b0;
        s31 += value * b1;
      }
      m[r0 + c] = m[r0 + c]! - s00;
      m[r0 + c + 1] = m[r0 + c + 1]! - s01;
      m[r1 + c] = m[r1 + c]! - s10;
      m[r1 + c + 1] = m[r1 + c + 1]! - s11;
      m[r2 + c] = m[r2 + c]! - s20;
      m[r2 + c + 1] = m[r2 + c + 1]! - s21;
      m[r3 + c] = m[r3 + c]! - s30;
      m[r3 + c + 1] = m[r3 + c + 1]! - s31;
    }
    for (; c < r + 4; c++) {
      for (let q = 0; q < 4; q++) {
        const offset = (r + q) * n;
        m[offset + c] =
          m[offset + c]! - dotRange(m, offset + kStart, m, c * n + kStart, kEnd - kStart);
      }
    }
  }
  for (; r < n; r++) {
    const offset = r * n;
    for (let c = start; c <= r; c++) {
      m[offset + c] =
        m[offset + c]! - dotRange(m, offset + kStart, m, c * n + kStart, kEnd - kStart);
    }
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
    vector[i] = (vector[i]! - dotRange(factor, i * n, vector, 0, i)) / factor[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = vector[i]!;
    for (let k = i + 1; k < n; k++) sum -= factor[k * n + i]! * vector[k]!;
    vector[i] = sum / factor[i * n + i]!;
  }
}

/**
 * U = L⁻ᵀ (upper triangular) from a lower-triangular L: row j of U is column j of L⁻¹, found by
 * forward substitution L u = e_j, whose inner products run over contiguous rows of L and U:
 *   U_ji = (δ_ij − Σ_{k=j}^{i−1} L_ik U_jk) / L_ii   for i ≥ j.
 * Four rows of U are solved together so each load of L serves four products; the sums may start
 * at the first row's index because U_jk = 0 for k < j.
 */
export function inverseTransposeOfLower(factor: Float64Array, n: number, out: Float64Array): void {
  out.fill(0);
  let j = 0;
  for (; j + 3 < n; j += 4) {
    const u0 = j * n;
    const u1 = u0 + n;
    const u2 = u1 + n;
    const u3 = u2 + n;
    for (let i = j; i < n; i++) {
      const iOffset = i * n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = j; k < i; k++) {
        const lik = factor[iOffset + k]!;
        s0 += lik * out[u0 + k]!;
        s1 += lik * out[u1 + k]!;
        s2 += lik * out[u2 + k]!;
        s3 += lik * out[u3 + k]!;
      }
      const inverseDiagonal = 1 / factor[iOffset + i]!;
      out[u0 + i] = ((i === j ? 1 : 0) - s0) * inverseDiagonal;
      out[u1 + i] = ((i === j + 1 ? 1 : 0) - s1) * inverseDiagonal;
      out[u2 + i] = ((i === j + 2 ? 1 : 0) - s2) * inverseDiagonal;
      out[u3 + i] = ((i === j + 3 ? 1 : 0) - s3) * inverseDiagonal;
    }
  }
  for (; j < n; j++) {
    const jOffset = j * n;
    out[jOffset + j] = 1 / factor[j * n + j]!;
    for (let i = j + 1; i < n; i++) {
      const iOffset = i * n;
      out[jOffset + i] =
        -dotRange(factor, iOffset + j, out, jOffset + j, i - j) / factor[iOffset + i]!;
    }
  }
}

/**
 * out = A Bᵀ for n×n row-major A, B; equals A B when B is symmetric. Register-blocked 4×2 (eight
 * running sums share each load), which V8 runs about five times faster than a plain triple loop.
 * With `symmetricResult` only blocks touching the lower triangle are computed and then mirrored.
 * `firstK(i, j)` lets triangular operands skip known zeros: terms with k < firstK are omitted.
 */
export function multiplyTransposed(
  a: Float64Array,
  b: Float64Array,
  n: number,
  out: Float64Array,
  symmetricResult = false,
  skipLeadingZeros = false,
): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const i0 = i * n;
    const i1 = i0 + n;
    const i2 = i1 + n;
    const i3 = i2 + n;
    const jEnd = symmetricResult ? i + 4 : n;
    let j = 0;
    for (; j + 1 < jEnd; j += 2) {
      const j0 = j * n;
      const j1 = j0 + n;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let s20 = 0;
      let s21 = 0;
      let s30 = 0;
      let s31 = 0;
      for (let k = skipLeadingZeros ? j : 0; k < n; k++) {
        const b0 = b[j0 + k]!;
        const b1 = b[j1 + k]!;
        let value = a[i0 + k]!;
        s00 += value * b0;
        s01 += value * b1;
        value = a[i1 + k]!;
        s10 += value * b0;
        s11 += value * b1;
        value = a[i2 + k]!;
        s20 += value * b0;
        s21 += value * b1;
        value = a[i3 + k]!;
        s30 += value * b0;
        s31 += value * b1;
      }
      out[i0 + j] = s00;
      out[i0 + j + 1] = s01;
      out[i1 + j] = s10;
      out[i1 + j + 1] = s11;
      out[i2 + j] = s20;
      out[i2 + j + 1] = s21;
      out[i3 + j] = s30;
      out[i3 + j + 1] = s31;
    }
    for (; j < jEnd; j++) {
      for (let r = 0; r < 4; r++) {
        const start = skipLeadingZeros ? j : 0;
        out[(i + r) * n + j] = dotRange(a, (i + r) * n + start, b, j * n + start, n - start);
      }
    }
  }
  for (; i < n; i++) {
    const jEnd = symmetricResult ? i + 1 : n;
    for (let j = 0; j < jEnd; j++) {
      const start = skipLeadingZeros ? Math.min(i, j) : 0;
      out[i * n + j] = dotRange(a, i * n + start, b, j * n + start, n - start);
    }
  }
  if (symmetricResult) {
    for (let row = 0; row < n; row++) {
      for (let col = row + 1; col < n; col++) out[row * n + col] = out[col * n + row]!;
    }
  }
}

/** P = A⁻¹ = U Uᵀ from U = L⁻ᵀ (A = LLᵀ), using that U is upper triangular. */
export function inverseFromInverseTranspose(
  inverseTranspose: Float64Array,
  n: number,
  out: Float64Array,
): void {
  multiplyTransposed(inverseTranspose, inverseTranspose, n, out, true, true);
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
