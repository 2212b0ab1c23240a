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
    // Trailing update: M_rc −= Σ_{k in block} L_rk L_ck for blockEnd ≤ c ≤ r (the factorisation
    // never reads the upper triangle, so the kernel's writes just above the diagonal are harmless).
    productKernel(matrix, matrix, n, matrix, {
      start: blockEnd,
      kStart: blockStart,
      kEnd: blockEnd,
      lowerOnly: true,
      subtract: true,
      skipLeadingZeros: false,
    });
  }
  for (let row = 0; row < n; row++) {
    for (let col = row + 1; col < n; col++) matrix[row * n + col] = 0;
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
 * out = A Bᵀ for n×n row-major A, B; equals A B when B is symmetric. With `symmetricResult` only
 * the lower triangle is computed and then mirrored; `skipLeadingZeros` omits the terms k < j,
 * which are zero when B is upper triangular.
 */
export function multiplyTransposed(
  a: Float64Array,
  b: Float64Array,
  n: number,
  out: Float64Array,
  symmetricResult = false,
  skipLeadingZeros = false,
): void {
  productKernel(a, b, n, out, {
    start: 0,
    kStart: 0,
    kEnd: n,
    lowerOnly: symmetricResult,
    subtract: false,
    skipLeadingZeros,
  });
  if (symmetricResult) {
    for (let row = 0; row < n; row++) {
      for (let col = row + 1; col < n; col++) out[row * n + col] = out[col * n + row]!;
    }
  }
}

/** Which part of out = A Bᵀ (or out −= A Bᵀ) `productKernel` computes. */
interface ProductRange {
  /** Rows and columns from here to n. */
  start: number;
  /** Inner index range [kStart, kEnd). */
  kStart: number;
  kEnd: number;
  /** Only columns c ≤ r (rounded up to whole register blocks, so a few above the diagonal too). */
  lowerOnly: boolean;
  /** out −= product instead of out = product. */
  subtract: boolean;
  /** Start each inner sum at k = max(kStart, c): B's row c is zero before column c. */
  skipLeadingZeros: boolean;
}

/**
 * The dense kernel behind every product: Σ_k A_rk B_ck over a range, register-blocked 4×2 so that
 * eight running sums share each load, which V8 runs about five times faster than a triple loop.
 */
function productKernel(
  a: Float64Array,
  b: Float64Array,
  n: number,
  out: Float64Array,
  range: ProductRange,
): void {
  const { start, kStart, kEnd, lowerOnly, subtract, skipLeadingZeros } = range;
  const sign = subtract ? -1 : 1;
  const keep = subtract ? 1 : 0;
  let i = start;
  for (; i + 3 < n; i += 4) {
    const i0 = i * n;
    const i1 = i0 + n;
    const i2 = i1 + n;
    const i3 = i2 + n;
    const jEnd = lowerOnly ? i + 4 : n;
    let j = start;
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
      for (let k = skipLeadingZeros ? Math.max(kStart, j) : kStart; k < kEnd; k++) {
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
      out[i0 + j] = keep * out[i0 + j]! + sign * s00;
      out[i0 + j + 1] = keep * out[i0 + j + 1]! + sign * s01;
      out[i1 + j] = keep * out[i1 + j]! + sign * s10;
      out[i1 + j + 1] = keep * out[i1 + j + 1]! + sign * s11;
      out[i2 + j] = keep * out[i2 + j]! + sign * s20;
      out[i2 + j + 1] = keep * out[i2 + j + 1]! + sign * s21;
      out[i3 + j] = keep * out[i3 + j]! + sign * s30;
      out[i3 + j + 1] = keep * out[i3 + j + 1]! + sign * s31;
    }
    for (; j < jEnd; j++) {
      for (let r = i; r < i + 4; r++) productEntry(a, b, n, out, r, j, range);
    }
  }
  for (; i < n; i++) {
    const jEnd = lowerOnly ? i + 1 : n;
    for (let j = start; j < jEnd; j++) productEntry(a, b, n, out, i, j, range);
  }
}

/** One entry of `productKernel`'s range, for the edges that do not fill a register block. */
function productEntry(
  a: Float64Array,
  b: Float64Array,
  n: number,
  out: Float64Array,
  row: number,
  col: number,
  range: ProductRange,
): void {
  const first = range.skipLeadingZeros ? Math.max(range.kStart, Math.min(row, col)) : range.kStart;
  const sum = dotRange(a, row * n + first, b, col * n + first, range.kEnd - first);
  out[row * n + col] = range.subtract ? out[row * n + col]! - sum : sum;
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
