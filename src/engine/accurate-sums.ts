/**
 * Dot products and matrix products for residuals such as I − PK, where float64's own rounding,
 * u·Σ|a_k b_k|, is as large as the residual (refine-precision.ts).
 *
 * - Vectors: Dot2 (Ogita, Rump & Oishi 2005, "Accurate sum and dot product", Algorithm 5.3), with
 *   Dekker's exact product (Dekker 1971; the factors split by Veltkamp's 2^27 + 1) and Knuth's
 *   TwoSum: as if summed in double-double, then rounded once; about twenty flops per term.
 * - Matrices: the error-free splitting of Ozaki, Ogita, Oishi & Rump 2012 ("Error-free
 *   transformations of matrix multiplication by using fast routines of matrix multiplication and
 *   its applications", Numer. Algorithms 59): each row of A and of B is cut into three slices of
 *   `bits` significant bits on a grid fixed by the row's largest entry, few enough that a product
 *   of two slices, summed over n terms, has at most 53 bits; then every float64 product of slices
 *   is exact in any order of summation, on any kernel (WebAssembly or JavaScript alike), and
 *
 *     A Bᵀ = Σ_{p+q ≤ 2} A_p B_qᵀ + E,   |E_ij| ≤ 3n · 2^(−3·bits) max_k|a_ik| max_k|b_jk|,
 *
 *   with bits = ⌊(53 − ⌈log₂ n⌉)/2⌋ (24 at n = 20, 22 at n = 300): six products on the fast
 *   kernels instead of n³ compensated terms in JavaScript (at n = 300 the refinement took about
 *   350 ms with Dot2 for every entry, 70 ms so). The leading product is added by TwoSum, the other
 *   five, below 2^(−bits) of it, in float64; on I − PK for a 24-point RBF covariance with noise
 *   ratio 1e-9 the result is within 1.5e-10 of the largest |G_ij| where a float64 product is 5e-5
 *   off (test/engine/accurate-sums.test.ts).
 */
import type { DenseKernels } from './dense-kernels';

/** Veltkamp's splitting constant 2^27 + 1: a = hi + lo with hi, lo of at most 26 bits each. */
const SPLITTER = 134217729;

/**
 * δ − Σ_k a_k b_k over n entries of `a` from `aOffset` and of `b` from `bOffset`, summed as a
 * double-double (Dot2, each factor split as it is read) and rounded once to float64.
 */
export function compensatedResidual(
  delta: number,
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  n: number,
): number {
  let sum = delta;
  let error = 0;
  for (let k = 0; k < n; k++) {
    const x = a[aOffset + k]!;
    const y = b[bOffset + k]!;
    const cx = SPLITTER * x;
    const xh = cx - (cx - x);
    const xl = x - xh;
    const cy = SPLITTER * y;
    const yh = cy - (cy - y);
    const yl = y - yh;
    const product = -x * y;
    // TwoProduct: −x·y = product + productError exactly.
    const productError = -(xh * yh + product + xh * yl + xl * yh + xl * yl);
    // TwoSum: sum + product = next + sumError exactly.
    const next = sum + product;
    const virtual = next - sum;
    const sumError = sum - (next - virtual) + (product - virtual);
    sum = next;
    error += sumError + productError;
  }
  return sum + error;
}

/** The number of slices each row is cut into. */
const SLICES = 3;

/** Significant bits per slice such that n products of two slices sum exactly in float64. */
export function sliceBits(n: number): number {
  return Math.floor((53 - Math.ceil(Math.log2(Math.max(2, n)))) / 2);
}

/** Buffers for `accurateProductTransposed` at one n, reusable from call to call. */
export interface AccurateProductScratch {
  n: number;
  aSlices: Float64Array[];
  bSlices: Float64Array[];
  leading: Float64Array;
  negativeRest: Float64Array;
  remainder: Float64Array;
}

export function createAccurateProductScratch(n: number): AccurateProductScratch {
  const square = () => new Float64Array(n * n);
  const slices = () => Array.from({ length: SLICES }, square);
  return {
    n,
    aSlices: slices(),
    bSlices: slices(),
    leading: square(),
    negativeRest: square(),
    remainder: new Float64Array(n),
  };
}

/**
 * The rows of an n×n row-major matrix cut into SLICES slices (module comment): slice p of row i
 * holds multiples of 2^(e_i − (p+1)·bits), |slice| ≤ 2^(e_i − p·bits), 2^e_i ≥ max_k |a_ik|;
 * what is left after the last slice is below 2^(e_i − 3·bits).
 */
function fillRowSlices(
  a: Float64Array,
  n: number,
  bits: number,
  slices: Float64Array[],
  remainder: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const offset = i * n;
    let largest = 0;
    for (let k = 0; k < n; k++) largest = Math.max(largest, Math.abs(a[offset + k]!));
    if (largest === 0) {
      for (const slice of slices) slice.fill(0, offset, offset + n);
      continue;
    }
    let exponent = Math.ceil(Math.log2(largest));
    if (2 ** exponent < largest) exponent += 1;
    for (let p = 0; p < SLICES; p++) {
      // fl(rest + σ) − σ rounds rest to a multiple of ulp(σ) = 2^(exponent − (p+1)·bits).
      const sigma = 0.75 * 2 ** (exponent - p * bits + 53 - bits);
      const slice = slices[p]!;
      for (let k = 0; k < n; k++) {
        const rest = p === 0 ? a[offset + k]! : remainder[k]!;
        const value = rest + sigma - sigma;
        slice[offset + k] = value;
        remainder[k] = rest - value;
      }
    }
  }
}

/**
 * out = δI − A Bᵀ (δ = 1 with `fromIdentity`, else out = A Bᵀ), n×n row-major, accurate to about
 * 2^(−3·bits) of the rows' scale (module comment), the products on `kernels`: the leading product
 * A₀B₀ᵀ is added to δI by TwoSum, the other five (below 2^(−bits) of it) in float64.
 */
export function accurateProductTransposed(
  kernels: Pick<DenseKernels, 'product'>,
  a: Float64Array,
  b: Float64Array,
  n: number,
  out: Float64Array,
  fromIdentity: boolean,
  scratch: AccurateProductScratch = createAccurateProductScratch(n),
): void {
  const bits = sliceBits(n);
  const { aSlices, bSlices, leading, negativeRest, remainder } = scratch;
  fillRowSlices(a, n, bits, aSlices, remainder);
  fillRowSlices(b, n, bits, bSlices, remainder);
  const range = { start: 0, kStart: 0, kEnd: n, lowerOnly: false, bothUpperTriangular: false };
  kernels.product(aSlices[0]!, bSlices[0]!, n, leading, { ...range, subtract: false });
  negativeRest.fill(0);
  for (let order = 1; order < SLICES; order++) {
    for (let p = 0; p <= order; p++) {
      kernels.product(aSlices[p]!, bSlices[order - p]!, n, negativeRest, {
        ...range,
        subtract: true,
      });
    }
  }
  const sign = fromIdentity ? -1 : 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const index = i * n + j;
      const delta = fromIdentity && i === j ? 1 : 0;
      const value = sign * leading[index]!;
      // TwoSum: δ + value = sum + error exactly.
      const sum = delta + value;
      const virtual = sum - delta;
      const error = delta - (sum - virtual) + (value - virtual);
      out[index] = sum + (error - sign * negativeRest[index]!);
    }
  }
}
