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
