/**
 * The dense O(n³) kernels in WebAssembly with 128-bit SIMD (wasm/dense.wat): the same algorithms as
 * dense-js.ts, two float64 lanes per instruction and no bounds checks, about four times as fast in
 * V8. Operands are copied into the module's memory and results back out (O(n²), negligible beside
 * the O(n³) work), so callers keep their own Float64Arrays.
 *
 * The module is compiled synchronously on first use. Where that is impossible — no WebAssembly
 * SIMD, or a Content-Security-Policy without 'wasm-unsafe-eval' — `loadDenseWasm` returns null and
 * the engine runs on dense-js.ts.
 */
import type { ProductRange } from './dense-js';
import type { TermBuffers } from './likelihood-terms';
import {
  sensitivityTermVectors,
  type SensitivityInputs,
  type SensitivityTerms,
} from './sensitivity-terms';
import { DENSE_WASM_BASE64 } from './wasm/dense-binary';

interface DenseExports {
  memory: WebAssembly.Memory;
  product(
    a: number,
    b: number,
    out: number,
    n: number,
    start: number,
    kStart: number,
    kEnd: number,
    flags: number,
  ): void;
  cholesky(matrix: number, n: number, block: number): number;
  inverseTransposeOfLower(factor: number, n: number, out: number): void;
  tridiagonalise(
    matrix: number,
    n: number,
    diagonal: number,
    subdiagonal: number,
    vector: number,
    scratch: number,
  ): void;
  likelihoodTerms(
    order: number,
    n: number,
    signalVariance: number,
    noiseVariance: number,
    correlation: number,
    dR: number,
    d2R: number,
    y: number,
    factor: number,
    inverseFactor: number,
    precision: number,
    product: number,
    alpha: number,
    vectors: number,
    out: number,
  ): number;
  sensitivityTerms(
    n: number,
    x: number,
    dR: number,
    d2R: number,
    precision: number,
    product: number,
    alpha: number,
    betas: number,
    d: number,
    dLog: number,
    sandwich: number,
    squared: number,
    out: number,
  ): void;
  fillCorrelationMatrices(
    kernel: number,
    x: number,
    n: number,
    sPerDistance: number,
    r: number,
    dR: number,
    d2R: number,
  ): void;
}

/** The WebAssembly kernels on caller-owned row-major n×n Float64Arrays. */
export interface DenseWasmKernels {
  /** As choleskyJs: L in place, −1 or the index of the first non-positive pivot. */
  cholesky(matrix: Float64Array, n: number, block: number): number;
  /** As inverseTransposeOfLowerJs. */
  inverseTransposeOfLower(factor: Float64Array, n: number, out: Float64Array): void;
  /** As productJs. */
  product(
    a: Float64Array,
    b: Float64Array,
    n: number,
    out: Float64Array,
    range: ProductRange,
  ): void;
  /** As tridiagonalise in eigen.ts, except that `matrix` is left as it was (the work is on a copy). */
  tridiagonalise(
    matrix: Float64Array,
    n: number,
    diagonal: Float64Array,
    subdiagonal: Float64Array,
    vector: Float64Array,
  ): void;
  /**
   * As likelihoodTermsJs, except that a factorisation failure is returned (the index of the
   * failing pivot; −1 on success) rather than thrown.
   */
  likelihoodTerms(
    buffers: TermBuffers,
    order: 0 | 1 | 2,
    signalVariance: number,
    noiseVariance: number,
    terms: Float64Array,
  ): number;
  /** As sensitivityTermsJs. */
  sensitivityTerms(inputs: SensitivityInputs, terms: SensitivityTerms): void;
  /**
   * As fillCorrelationMatrices in kernels.ts (kernel 0 rbf, 1 matern52, 2 matern32); the
   * derivative matrices are written only when given.
   */
  fillCorrelationMatrices(
    kernel: number,
    x: Float64Array,
    sPerDistance: number,
    correlation: Float64Array,
    dR?: Float64Array,
    d2R?: Float64Array,
  ): void;
}

const PAGE_BYTES = 65536;
const FLAG_LOWER_ONLY = 1;
const FLAG_SUBTRACT = 2;
const FLAG_BOTH_UPPER_TRIANGULAR = 4;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function instantiate(): DenseExports | null {
  try {
    const module = new WebAssembly.Module(decodeBase64(DENSE_WASM_BASE64));
    return new WebAssembly.Instance(module).exports as unknown as DenseExports;
  } catch {
    return null;
  }
}

function createKernels(exports: DenseExports): DenseWasmKernels {
  let heap = new Float64Array(exports.memory.buffer);

  /**
   * Byte addresses of consecutive regions of the given sizes (in doubles), growing the memory when
   * needed. Regions start on 64-byte boundaries so that a row's first vector load stays within one
   * cache line.
   */
  function reserve(...sizes: number[]): number[] {
    const addresses: number[] = [];
    let end = 0;
    for (const size of sizes) {
      addresses.push(end);
      end += Math.ceil((size * 8) / 64) * 64;
    }
    const available = exports.memory.buffer.byteLength;
    if (end > available) exports.memory.grow(Math.ceil((end - available) / PAGE_BYTES));
    if (heap.buffer !== exports.memory.buffer) heap = new Float64Array(exports.memory.buffer);
    return addresses;
  }

  function copyIn(address: number, values: Float64Array, length: number): void {
    heap.set(length === values.length ? values : values.subarray(0, length), address / 8);
  }

  function copyOut(address: number, target: Float64Array, length: number): void {
    target.set(heap.subarray(address / 8, address / 8 + length));
  }

  return {
    cholesky(matrix, n, block) {
      const [address] = reserve(n * n) as [number];
      copyIn(address, matrix, n * n);
      const failedPivot = exports.cholesky(address, n, block);
      copyOut(address, matrix, n * n);
      return failedPivot;
    },
    inverseTransposeOfLower(factor, n, out) {
      const [factorAddress, outAddress] = reserve(n * n, n * n) as [number, number];
      copyIn(factorAddress, factor, n * n);
      exports.inverseTransposeOfLower(factorAddress, n, outAddress);
      copyOut(outAddress, out, n * n);
    },
    product(a, b, n, out, range) {
      const [aAddress, bAddress, outAddress] = reserve(n * n, n * n, n * n) as [
        number,
        number,
        number,
      ];
      copyIn(aAddress, a, n * n);
      if (b !== a) copyIn(bAddress, b, n * n);
      if (range.subtract) copyIn(outAddress, out, n * n);
      const flags =
        (range.lowerOnly ? FLAG_LOWER_ONLY : 0) |
        (range.subtract ? FLAG_SUBTRACT : 0) |
        (range.bothUpperTriangular ? FLAG_BOTH_UPPER_TRIANGULAR : 0);
      exports.product(
        aAddress,
        b === a ? aAddress : bAddress,
        outAddress,
        n,
        range.start,
        range.kStart,
        range.kEnd,
        flags,
      );
      copyOut(outAddress, out, n * n);
    },
    tridiagonalise(matrix, n, diagonal, subdiagonal, vector) {
      const [matrixAddress, diagonalAddress, subdiagonalAddress, vectorAddress, scratchAddress] =
        reserve(n * n, n, n, n, 4 * n) as [number, number, number, number, number];
      copyIn(matrixAddress, matrix, n * n);
      copyIn(vectorAddress, vector, n);
      exports.tridiagonalise(
        matrixAddress,
        n,
        diagonalAddress,
        subdiagonalAddress,
        vectorAddress,
        scratchAddress,
      );
      copyOut(diagonalAddress, diagonal, n);
      copyOut(subdiagonalAddress, subdiagonal, n);
      copyOut(vectorAddress, vector, n);
    },
    likelihoodTerms(buffers, order, signalVariance, noiseVariance, terms) {
      const { n } = buffers;
      const square = n * n;
      const [r, dR, d2R, y, factor, inverseFactor, precision, product, alpha, vectors, out] =
        reserve(
          square,
          square,
          square,
          n,
          square,
          square,
          square,
          square,
          n,
          6 * n,
          terms.length,
        ) as [
          number,
          number,
          number,
          number,
          number,
          number,
          number,
          number,
          number,
          number,
          number,
        ];
      copyIn(r, buffers.correlation, square);
      if (order >= 1) copyIn(dR, buffers.correlationDLogLengthscale, square);
      if (order === 2) copyIn(d2R, buffers.correlationD2LogLengthscale, square);
      copyIn(y, buffers.y, n);
      const failedPivot = exports.likelihoodTerms(
        order,
        n,
        signalVariance,
        noiseVariance,
        r,
        dR,
        d2R,
        y,
        factor,
        inverseFactor,
        precision,
        product,
        alpha,
        vectors,
        out,
      );
      if (failedPivot >= 0) return failedPivot;
      copyOut(factor, buffers.factor, square);
      copyOut(alpha, buffers.alpha, n);
      const vectorCount = order === 0 ? 0 : order === 1 ? 2 : 6;
      for (let i = 0; i < vectorCount; i++) {
        copyOut(vectors + i * n * 8, buffers.vectors[i]!, n);
      }
      if (order >= 1) {
        copyOut(inverseFactor, buffers.inverseFactor, square);
        copyOut(precision, buffers.precision, square);
      }
      if (order === 2) copyOut(product, buffers.precisionTimesDLogLengthscale, square);
      copyOut(out, terms, terms.length);
      return -1;
    },
    sensitivityTerms(inputs, terms) {
      const { n } = inputs;
      const square = n * n;
      const [x, dR, d2R, precision, product, alpha, betas, d, dLog, sandwich, squared, out] =
        reserve(n, square, square, square, square, n, 3 * n, square, square, square, square, 9 * n);
      copyIn(x!, inputs.x, n);
      copyIn(dR!, inputs.correlationDLogLengthscale, square);
      copyIn(d2R!, inputs.correlationD2LogLengthscale, square);
      copyIn(precision!, inputs.precision, square);
      copyIn(product!, inputs.precisionTimesDLogLengthscale, square);
      copyIn(alpha!, inputs.alpha, n);
      for (let i = 0; i < 3; i++) copyIn(betas! + i * n * 8, inputs.vectors[3 + i]!, n);
      exports.sensitivityTerms(
        n,
        x!,
        dR!,
        d2R!,
        precision!,
        product!,
        alpha!,
        betas!,
        d!,
        dLog!,
        sandwich!,
        squared!,
        out!,
      );
      sensitivityTermVectors(terms).forEach((vector, i) => copyOut(out! + i * n * 8, vector, n));
    },
    fillCorrelationMatrices(kernel, x, sPerDistance, correlation, dR, d2R) {
      const n = x.length;
      const square = n * n;
      const [xAddress, r, dRAddress, d2RAddress] = reserve(n, square, square, square) as [
        number,
        number,
        number,
        number,
      ];
      copyIn(xAddress, x, n);
      exports.fillCorrelationMatrices(kernel, xAddress, n, sPerDistance, r, dRAddress, d2RAddress);
      copyOut(r, correlation, square);
      if (dR) copyOut(dRAddress, dR, square);
      if (d2R) copyOut(d2RAddress, d2R, square);
    },
  };
}

let loaded: DenseWasmKernels | null | undefined;

/** The WebAssembly kernels, or null where this runtime cannot compile them (tried once). */
export function loadDenseWasm(): DenseWasmKernels | null {
  if (loaded === undefined) {
    const exports = instantiate();
    loaded = exports ? createKernels(exports) : null;
  }
  return loaded;
}
