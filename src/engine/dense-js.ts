/**
 * The dense O(n³) kernels in plain JavaScript: the reference for, and the fallback of, the
 * WebAssembly kernels in wasm/dense/ (used where WebAssembly SIMD cannot be compiled, e.g. under
 * a Content-Security-Policy without 'wasm-unsafe-eval'). Flat, row-major Float64Arrays: M[i][j] is
 * at index i * n + j.
 */
import { CHOLESKY_BLOCK } from './wasm/layout';

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

/**
 * In-place Cholesky factorisation A = L Lᵀ, blocked right-looking (Golub & Van Loan 2013,
 * Alg. 4.2.3) with panels of CHOLESKY_BLOCK columns (wasm/layout.ts): factor a diagonal block,
 * solve the panel below it, subtract the panel's outer
 * product from the trailing matrix with the register-blocked kernel. Every inner product runs over
 * contiguous row segments. Reads the lower triangle of `matrix`, overwrites it with L and zeroes the
 * strict upper triangle. Returns −1, or the index of the first pivot that is not positive.
 */
export function choleskyJs(matrix: Float64Array, n: number): number {
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
        if (!(pivot > 0)) return row;
        matrix[rowOffset + row] = Math.sqrt(pivot);
      }
    }
    // Trailing update: M_rc −= Σ_{k in block} L_rk L_ck for blockEnd ≤ c ≤ r (the factorisation
    // never reads the upper triangle, so the kernel's writes just above the diagonal are harmless).
    productJs(matrix, matrix, n, matrix, {
      start: blockEnd,
      kStart: blockStart,
      kEnd: blockEnd,
      lowerOnly: true,
      subtract: true,
      bothUpperTriangular: false,
    });
  }
  for (let row = 0; row < n; row++) {
    for (let col = row + 1; col < n; col++) matrix[row * n + col] = 0;
  }
  return -1;
}

/**
 * U = L⁻ᵀ (upper triangular) from a lower-triangular L: row j of U is column j of L⁻¹, found by
 * forward substitution L u = e_j, whose inner products run over contiguous rows of L and U:
 *   U_ji = (δ_ij − Σ_{k=j}^{i−1} L_ik U_jk) / L_ii   for i ≥ j.
 * Four rows of U are solved together so each load of L serves four products; the sums may start
 * at the first row's index because U_jk = 0 for k < j.
 */
export function inverseTransposeOfLowerJs(
  factor: Float64Array,
  n: number,
  out: Float64Array,
): void {
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

/** Which part of out = A Bᵀ (or out −= A Bᵀ) `productJs` computes. */
export interface ProductRange {
  /** Rows and columns from here to n. */
  start: number;
  /** Inner index range [kStart, kEnd). */
  kStart: number;
  kEnd: number;
  /** Only columns c ≤ r (rounded up to whole register blocks, so a few above the diagonal too). */
  lowerOnly: boolean;
  /** out −= product instead of out = product. */
  subtract: boolean;
  /**
   * A and B are upper triangular (row r of A and row c of B vanish before columns r and c), so
   * each sum starts at k = max(kStart, r, c).
   */
  bothUpperTriangular: boolean;
}

/**
 * The dense kernel behind every product: Σ_k A_rk B_ck over a range, register-blocked 4×2 so that
 * eight running sums share each load, which V8 runs about five times faster than a triple loop.
 */
export function productJs(
  a: Float64Array,
  b: Float64Array,
  n: number,
  out: Float64Array,
  range: ProductRange,
): void {
  const { start, kStart, kEnd, lowerOnly, subtract, bothUpperTriangular } = range;
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
      for (let k = bothUpperTriangular ? Math.max(kStart, i, j) : kStart; k < kEnd; k++) {
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

/** One entry of `productJs`'s range, for the edges that do not fill a register block. */
function productEntry(
  a: Float64Array,
  b: Float64Array,
  n: number,
  out: Float64Array,
  row: number,
  col: number,
  range: ProductRange,
): void {
  const first = range.bothUpperTriangular ? Math.max(range.kStart, row, col) : range.kStart;
  const sum = dotRange(a, row * n + first, b, col * n + first, range.kEnd - first);
  out[row * n + col] = range.subtract ? out[row * n + col]! - sum : sum;
}
