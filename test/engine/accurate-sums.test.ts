/**
 * The accurate residuals (src/engine/accurate-sums.ts) against exact sums in decimal.js, on the
 * matrix they are for: I − PK with K the covariance of exact samples on the noise floor and P its
 * float64 inverse, where float64's own sums lose nearly every digit of the residual.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  accurateProductTransposed,
  compensatedResidual,
  sliceBits,
} from '../../src/engine/accurate-sums';
import { denseKernels, type DenseBackend } from '../../src/engine/dense-kernels';
import { fillCorrelationMatricesJs } from '../../src/engine/kernels';
import {
  choleskyInPlace,
  inverseFromInverseTranspose,
  inverseTransposeOfLower,
  multiplyTransposed,
} from '../../src/engine/linalg';

const Exact = Decimal.clone({ precision: 80 });
const u = 2 ** -53;

/** A double in decimal, to 100 significant digits (far beyond what the sums here need). */
const exactly = (value: number) => new Exact(value.toPrecision(100));

/** K = R + gI (RBF, ℓ = 0.35 on [0, 1]) and its float64 inverse P, n×n. */
function nearlySingular(n: number, g: number): { k: Float64Array; p: Float64Array } {
  const x = Float64Array.from({ length: n }, (_, i) => (i + 0.3 * Math.sin(7 * i)) / n);
  const k = new Float64Array(n * n);
  fillCorrelationMatricesJs('rbf', x, 1 / 0.35, k);
  for (let i = 0; i < n; i++) k[i * n + i] = k[i * n + i]! + g;
  const kernels = denseKernels();
  const factor = k.slice();
  choleskyInPlace(kernels, factor, n);
  const inverseFactor = new Float64Array(n * n);
  inverseTransposeOfLower(kernels, factor, n, inverseFactor);
  const p = new Float64Array(n * n);
  inverseFromInverseTranspose(kernels, inverseFactor, n, p);
  return { k, p };
}

/** δ_ij − Σ_k a_ik b_jk (or Σ_k a_ik b_jk) in 80 digits. */
function exactResidual(a: Float64Array, b: Float64Array, n: number, fromIdentity: boolean) {
  const out: Decimal[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = new Exact(fromIdentity && i === j ? 1 : 0);
      for (let k = 0; k < n; k++) {
        sum = sum.minus(exactly(a[i * n + k]!).mul(exactly(b[j * n + k]!)));
      }
      out.push(fromIdentity ? sum : sum.neg());
    }
  }
  return out;
}

/** max_ij |computed − exact| / max_ij |exact|. */
function relativeError(computed: Float64Array, exact: Decimal[]): number {
  let error = 0;
  let scale = 0;
  exact.forEach((value, i) => {
    error = Math.max(error, Math.abs(exactly(computed[i]!).minus(value).toNumber()));
    scale = Math.max(scale, Math.abs(value.toNumber()));
  });
  return error / scale;
}

/** max_k |m_ik| for every row i. */
function rowMaxima(m: Float64Array, n: number): number[] {
  return Array.from({ length: n }, (_, i) =>
    Math.max(...Array.from(m.subarray(i * n, i * n + n), Math.abs)),
  );
}

/**
 * The sliced product's bound, entry by entry: one rounding of the result plus what the dropped
 * slices leave, 3n·2^(−3·bits) max_k|a_ik| max_k|b_jk| (accurate-sums.ts); the largest ratio of
 * the error to it.
 */
function slicedBoundRatio(
  computed: Float64Array,
  exact: Decimal[],
  a: Float64Array,
  b: Float64Array,
  n: number,
): number {
  const aRows = rowMaxima(a, n);
  const bRows = rowMaxima(b, n);
  const dropped = 3 * n * 2 ** (-3 * sliceBits(n));
  let ratio = 0;
  exact.forEach((value, index) => {
    const i = Math.floor(index / n);
    const j = index % n;
    const error = Math.abs(exactly(computed[index]!).minus(value).toNumber());
    const bound = u * Math.abs(value.toNumber()) + dropped * aRows[i]! * bRows[j]!;
    ratio = Math.max(ratio, error / bound);
  });
  return ratio;
}

describe('accurate residuals', () => {
  const n = 24;
  const { k, p } = nearlySingular(n, 1e-9);
  const exact = exactResidual(p, k, n, true);
  const plain = new Float64Array(n * n);
  multiplyTransposed(denseKernels(), p, k, n, plain);
  for (let i = 0; i < n * n; i++) plain[i] = (i % (n + 1) === 0 ? 1 : 0) - plain[i]!;
  const plainError = relativeError(plain, exact);

  it('I − PK in float64 loses most digits of the residual (what the accurate sums are for)', () => {
    expect(plainError).toBeGreaterThan(1e-6);
  });

  it.each(['wasm', 'js'] as DenseBackend[])(
    'I − PK by sliced products on %s: within the bound, and the same on both backends',
    (backend) => {
      const out = new Float64Array(n * n);
      accurateProductTransposed(denseKernels(backend), p, k, n, out, true);
      expect(slicedBoundRatio(out, exact, p, k, n)).toBeLessThanOrEqual(1);
      expect(relativeError(out, exact)).toBeLessThan(1e-4 * plainError);
      const other = new Float64Array(n * n);
      const otherBackend = backend === 'js' ? 'wasm' : 'js';
      accurateProductTransposed(denseKernels(otherBackend), p, k, n, other, true);
      expect(Array.from(other)).toEqual(Array.from(out));
    },
  );

  it('A Bᵀ by sliced products, without the identity: within the bound', () => {
    const out = new Float64Array(n * n);
    accurateProductTransposed(denseKernels(), p, k, n, out, false);
    expect(slicedBoundRatio(out, exactResidual(p, k, n, false), p, k, n)).toBeLessThanOrEqual(1);
  });

  it('the compensated dot product: I − PK row by row, rounded about once', () => {
    const rows = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        rows[i * n + j] = compensatedResidual(i === j ? 1 : 0, p, i * n, k, j * n, n);
      }
    }
    expect(relativeError(rows, exact)).toBeLessThan(4 * u);
  });

  it('slices narrow enough that n products of two sum exactly', () => {
    for (const size of [2, 20, 300, 1000, 5000]) {
      const bits = sliceBits(size);
      expect(2 * bits + Math.ceil(Math.log2(size))).toBeLessThanOrEqual(53);
      expect(3 * bits).toBeGreaterThanOrEqual(60);
    }
  });
});
