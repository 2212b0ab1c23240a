import { readdir } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { symmetricSpectrum } from '../../src/engine/eigen';
import { fillCorrelationMatrices } from '../../src/engine/kernels';
import type { KernelName } from '../../src/engine';
import { DENSE_WASM_BASE64 } from '../../src/engine/wasm/dense-binary';
import {
  denseBackend,
  denseKernels,
  type DenseBackend,
  type DenseKernels,
} from '../../src/engine/dense-kernels';
import {
  choleskyInPlace,
  inverseFromInverseTranspose,
  inverseTransposeOfLower,
  multiplyTransposed,
  NotPositiveDefiniteError,
} from '../../src/engine/linalg';
import { compileDenseWat, DENSE_WAT_PARTS, WAT_DIRECTORY } from '../../scripts/wasm-compile.mjs';
import { randomSymmetricPositiveDefinite, seededMatrix } from './random-matrices';

/** Runs `work` on one backend's kernels. */
function onBackend<T>(backend: DenseBackend, work: (kernels: DenseKernels) => T): T {
  return work(denseKernels(backend));
}

/** max |a − b| / max |b|. */
function relativeDifference(a: Float64Array, b: Float64Array): number {
  let difference = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    difference = Math.max(difference, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return scale === 0 ? difference : difference / scale;
}

/** Every dense kernel on one backend, from the same inputs. */
function denseResults(backend: DenseBackend, n: number, seed: number): Float64Array[] {
  return onBackend(backend, (kernels) => {
    const factor = randomSymmetricPositiveDefinite(n, seed);
    choleskyInPlace(kernels, factor, n);
    const inverseTranspose = new Float64Array(n * n);
    inverseTransposeOfLower(kernels, factor, n, inverseTranspose);
    const inverse = new Float64Array(n * n);
    inverseFromInverseTranspose(kernels, inverseTranspose, n, inverse);
    const a = seededMatrix(n, seed + 1);
    const b = seededMatrix(n, seed + 2);
    const product = new Float64Array(n * n);
    multiplyTransposed(kernels, a, b, n, product);
    const gram = new Float64Array(n * n);
    multiplyTransposed(kernels, a, a, n, gram, { symmetricResult: true });
    return [factor, inverseTranspose, inverse, product, gram];
  });
}

describe('dense backends', () => {
  it('ships the binary compiled from dense/*.wat (run `npm run build:wasm` after editing it)', async () => {
    const compiled = await compileDenseWat();
    expect(Buffer.from(compiled).toString('base64')).toBe(DENSE_WASM_BASE64);
  });

  it('compiles every .wat file of the folder into the module, each once', async () => {
    const files = (await readdir(WAT_DIRECTORY)).filter((name) => name.endsWith('.wat'));
    expect([...DENSE_WAT_PARTS].sort()).toEqual(files.sort());
    expect(new Set(DENSE_WAT_PARTS).size).toBe(DENSE_WAT_PARTS.length);
  });

  it('uses WebAssembly in Node', () => {
    expect(denseBackend()).toBe('wasm');
  });

  it('gives the same factor, inverse and products on both backends, at every size and edge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 110 }), fc.integer({ min: 1, max: 1e6 }), (n, seed) => {
        const wasm = denseResults('wasm', n, seed);
        const js = denseResults('js', n, seed);
        js.forEach((reference, i) =>
          expect(relativeDifference(wasm[i]!, reference)).toBeLessThan(1e-13),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same spectrum and rotated data on both backends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 1e6 }), (n, seed) => {
        const matrix = randomSymmetricPositiveDefinite(n, seed);
        const data = seededMatrix(n, seed + 3).subarray(0, n);
        // Eigenvalues come unsorted: compare (λ, z²) pairs in order of λ.
        const pairs = (backend: DenseBackend) =>
          onBackend(backend, (kernels) => {
            const { eigenvalues, rotatedData } = symmetricSpectrum(
              kernels,
              Float64Array.from(matrix),
              n,
              data,
            );
            return Array.from(
              eigenvalues,
              (value, i) => [value, rotatedData[i]! ** 2] as const,
            ).sort((a, b) => a[0] - b[0]);
          });
        const js = pairs('js');
        const wasm = pairs('wasm');
        const largest = Math.max(...js.map(([value]) => Math.abs(value)));
        const dataNorm = data.reduce((sum, value) => sum + value * value, 0);
        js.forEach(([value, weight], i) => {
          expect(Math.abs(wasm[i]![0] - value)).toBeLessThan(1e-12 * largest);
          expect(Math.abs(wasm[i]![1] - weight)).toBeLessThan(1e-9 * dataNorm);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('fills the correlation matrices alike on both backends, to an ulp or two (its own exp)', () => {
    const kernelNames: KernelName[] = ['rbf', 'matern52', 'matern32'];
    fc.assert(
      fc.property(
        fc.constantFrom(...kernelNames),
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 70 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (kernel, xs, lengthscale) => {
          const x = Float64Array.from([...xs, xs[0]!]); // a duplicate input too
          const n = x.length;
          const fill = (backend: DenseBackend) =>
            onBackend(backend, (kernels) => {
              const out = {
                correlation: new Float64Array(n * n),
                correlationDLogLengthscale: new Float64Array(n * n),
                correlationD2LogLengthscale: new Float64Array(n * n),
              };
              fillCorrelationMatrices(kernels, kernel, x, lengthscale, out);
              return Object.values(out);
            });
          const wasm = fill('wasm');
          fill('js').forEach((reference, m) => {
            const largest = Math.max(...reference.map(Math.abs));
            reference.forEach((value, i) => {
              // A few ulps of the entry, or of the largest where φ, φ' and φ'' terms cancel;
              // below 1e-300 the WebAssembly exp flushes to zero.
              const tolerance = 8e-16 * (Math.abs(value) + largest) + 1e-300;
              expect(Math.abs(wasm[m]![i]! - value)).toBeLessThanOrEqual(tolerance);
            });
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("computes the rbf correlation's exp to within 2 ulp of Math.exp, down to 1e-300", () => {
    const x = Float64Array.from({ length: 400 }, (_, i) => (i / 399) ** 2 * 37); // s²/2 up to 684
    const correlation = new Float64Array(x.length * x.length);
    onBackend('wasm', (kernels) => {
      fillCorrelationMatrices(kernels, 'rbf', x, 1, {
        correlation,
        correlationDLogLengthscale: new Float64Array(x.length * x.length),
        correlationD2LogLengthscale: new Float64Array(x.length * x.length),
      });
    });
    for (let b = 0; b < x.length; b++) {
      const exact = Math.exp(-0.5 * x[b]! ** 2);
      expect(Math.abs(correlation[b]! - exact)).toBeLessThanOrEqual(4.5e-16 * exact);
    }
  });

  it('inverts through the factor on WebAssembly to rounding', () => {
    const n = 101;
    const matrix = randomSymmetricPositiveDefinite(n, 5);
    const [, , inverse] = denseResults('wasm', n, 5) as [Float64Array, Float64Array, Float64Array];
    const identity = new Float64Array(n * n);
    multiplyTransposed(denseKernels('wasm'), matrix, inverse, n, identity);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        expect(Math.abs(identity[i * n + j]! - (i === j ? 1 : 0))).toBeLessThan(1e-12);
  });

  it('reports the same failing pivot on both backends, NaN included', () => {
    for (const poison of [-1e6, Number.NaN]) {
      const pivots = (['wasm', 'js'] as const).map((backend) =>
        onBackend(backend, (kernels) => {
          const n = 60;
          const matrix = randomSymmetricPositiveDefinite(n, 9);
          matrix[53 * n + 53] = poison;
          try {
            choleskyInPlace(kernels, matrix, n);
            return -1;
          } catch (error) {
            expect(error).toBeInstanceOf(NotPositiveDefiniteError);
            return (error as NotPositiveDefiniteError).pivotIndex;
          }
        }),
      );
      expect(pivots).toEqual([53, 53]);
    }
  });
});
