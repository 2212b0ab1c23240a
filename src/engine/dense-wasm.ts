/**
 * The dense O(n³) kernels in WebAssembly with 128-bit SIMD (wasm/dense/*.wat): the same algorithms as
 * dense-js.ts, two float64 lanes per instruction and no bounds checks, about four times as fast in
 * V8. Operands are copied into the module's memory and results back out (O(n²), negligible beside
 * the O(n³) work), so callers keep their own Float64Arrays.
 *
 * The module is compiled synchronously on first use. Where that is impossible — no WebAssembly
 * SIMD, or a Content-Security-Policy without 'wasm-unsafe-eval' — `loadDenseWasm` returns null and
 * the engine runs on the JavaScript kernels (JS_DENSE_KERNELS in dense-kernels.ts). Addresses,
 * flags and codes follow wasm/layout.ts, the layout the module is compiled with.
 */
import type { DenseKernels } from './dense-kernels';
import type { SensitivityTerms } from './sensitivity-terms';
import { DENSE_WASM_BASE64 } from './wasm/dense-binary';
import {
  BETA_VECTOR,
  CHOLESKY_BLOCK,
  KERNEL_CODE,
  LIKELIHOOD_VECTOR,
  type LikelihoodVectorName,
  LOO_CURVATURE_SUM_COUNT,
  ORDER_ONE_VECTOR_COUNT,
  PRODUCT_FLAG,
  SENSITIVITY_VECTOR,
} from './wasm/layout';

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
  looCurvatureSums(
    n: number,
    precision: number,
    product: number,
    d2R: number,
    b: number,
    weighted: number,
    q: number,
    sandwich: number,
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

const PAGE_BYTES = 65536;
const LIKELIHOOD_VECTOR_NAMES = Object.keys(LIKELIHOOD_VECTOR) as LikelihoodVectorName[];
const BETA_VECTOR_NAMES = Object.keys(BETA_VECTOR) as (keyof typeof BETA_VECTOR)[];
const SENSITIVITY_VECTOR_NAMES = Object.keys(SENSITIVITY_VECTOR) as (keyof SensitivityTerms)[];

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

function createKernels(exports: DenseExports): DenseKernels {
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
    backend: 'wasm',
    cholesky(matrix, n) {
      const [address] = reserve(n * n) as [number];
      copyIn(address, matrix, n * n);
      const failedPivot = exports.cholesky(address, n, CHOLESKY_BLOCK);
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
        (range.lowerOnly ? PRODUCT_FLAG.lowerOnly : 0) |
        (range.subtract ? PRODUCT_FLAG.subtract : 0) |
        (range.bothUpperTriangular ? PRODUCT_FLAG.bothUpperTriangular : 0);
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
          LIKELIHOOD_VECTOR_NAMES.length * n,
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
      const vectorCount =
        order === 0 ? 0 : order === 1 ? ORDER_ONE_VECTOR_COUNT : LIKELIHOOD_VECTOR_NAMES.length;
      for (const name of LIKELIHOOD_VECTOR_NAMES) {
        const row = LIKELIHOOD_VECTOR[name];
        if (row < vectorCount) copyOut(vectors + row * n * 8, buffers[name], n);
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
        reserve(
          n,
          square,
          square,
          square,
          square,
          n,
          BETA_VECTOR_NAMES.length * n,
          square,
          square,
          square,
          square,
          SENSITIVITY_VECTOR_NAMES.length * n,
        );
      copyIn(x!, inputs.x, n);
      copyIn(dR!, inputs.correlationDLogLengthscale, square);
      copyIn(d2R!, inputs.correlationD2LogLengthscale, square);
      copyIn(precision!, inputs.precision, square);
      copyIn(product!, inputs.precisionTimesDLogLengthscale, square);
      copyIn(alpha!, inputs.alpha, n);
      for (const name of BETA_VECTOR_NAMES) {
        copyIn(betas! + BETA_VECTOR[name] * n * 8, inputs[name], n);
      }
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
      for (const name of SENSITIVITY_VECTOR_NAMES) {
        copyOut(out! + SENSITIVITY_VECTOR[name] * n * 8, terms[name], n);
      }
    },
    looCurvatureSums(inputs, _work, out) {
      const { n } = inputs;
      const square = n * n;
      const [precision, product, d2R, b, weighted, q, sandwich, sums] = reserve(
        square,
        square,
        square,
        n,
        square,
        square,
        square,
        LOO_CURVATURE_SUM_COUNT,
      ) as [number, number, number, number, number, number, number, number];
      copyIn(precision, inputs.precision, square);
      copyIn(product, inputs.precisionTimesDLogLengthscale, square);
      copyIn(d2R, inputs.correlationD2LogLengthscale, square);
      copyIn(b, inputs.varianceWeight, n);
      exports.looCurvatureSums(n, precision, product, d2R, b, weighted, q, sandwich, sums);
      copyOut(sums, out, LOO_CURVATURE_SUM_COUNT);
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
      exports.fillCorrelationMatrices(
        KERNEL_CODE[kernel],
        xAddress,
        n,
        sPerDistance,
        r,
        dRAddress,
        d2RAddress,
      );
      copyOut(r, correlation, square);
      if (dR) copyOut(dRAddress, dR, square);
      if (d2R) copyOut(d2RAddress, d2R, square);
    },
  };
}

let loaded: DenseKernels | null | undefined;

/** The WebAssembly kernels, or null where this runtime cannot compile them (tried once). */
export function loadDenseWasm(): DenseKernels | null {
  if (loaded === undefined) {
    const exports = instantiate();
    loaded = exports ? createKernels(exports) : null;
  }
  return loaded;
}
