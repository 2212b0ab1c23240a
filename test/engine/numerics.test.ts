import { describe, expect, it } from 'vitest';
import { denseKernels } from '../../src/engine/dense-kernels';
import { symmetricSpectrum } from '../../src/engine/eigen';
import {
  choleskyInPlace,
  inverseFromInverseTranspose,
  inverseTransposeOfLower,
  multiplyTransposed,
  NotPositiveDefiniteError,
} from '../../src/engine/linalg';
import { createLikelihoodWorkspace, evaluateLikelihood } from '../../src/engine/likelihood';
import type { KernelName, LogTheta } from '../../src/engine';
import { randomSymmetricPositiveDefinite } from './random-matrices';

/** The default backend's kernels (WebAssembly in Node). */
const kernels = denseKernels();

describe('dense linear algebra', () => {
  it('inverts an SPD matrix through its Cholesky factor', () => {
    const n = 17;
    const matrix = randomSymmetricPositiveDefinite(n, 3);
    const factor = Float64Array.from(matrix);
    choleskyInPlace(kernels, factor, n);
    const inverseTranspose = new Float64Array(n * n);
    inverseTransposeOfLower(kernels, factor, n, inverseTranspose);
    const inverse = new Float64Array(n * n);
    inverseFromInverseTranspose(kernels, inverseTranspose, n, inverse);
    const identity = new Float64Array(n * n);
    multiplyTransposed(kernels, matrix, inverse, n, identity); // inverse is symmetric
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) expect(identity[i * n + j]!).toBeCloseTo(i === j ? 1 : 0, 12);
  });

  it('refuses an indefinite matrix with a typed error', () => {
    const matrix = Float64Array.from([1, 2, 2, 1]);
    expect(() => choleskyInPlace(kernels, matrix, 2)).toThrow(NotPositiveDefiniteError);
  });

  it('finds eigenvalues and Qᵀy that preserve the trace, the norm of y and yᵀA⁻¹y', () => {
    const n = 23;
    const matrix = randomSymmetricPositiveDefinite(n, 11);
    const data = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const { eigenvalues, rotatedData } = symmetricSpectrum(
      kernels,
      Float64Array.from(matrix),
      n,
      data,
    );
    let trace = 0;
    for (let i = 0; i < n; i++) trace += matrix[i * n + i]!;
    expect(eigenvalues.reduce((a, b) => a + b, 0)).toBeCloseTo(trace, 9);
    const norm = (v: Float64Array) => v.reduce((a, b) => a + b * b, 0);
    expect(norm(rotatedData)).toBeCloseTo(norm(data), 12);
    // yᵀA⁻¹y two ways.
    let spectral = 0;
    for (let i = 0; i < n; i++) spectral += rotatedData[i]! ** 2 / eigenvalues[i]!;
    const factor = Float64Array.from(matrix);
    choleskyInPlace(kernels, factor, n);
    const inverseTranspose = new Float64Array(n * n);
    inverseTransposeOfLower(kernels, factor, n, inverseTranspose);
    let direct = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let k = 0; k <= i; k++) row += inverseTranspose[k * n + i]! * data[k]!;
      direct += row * row;
    }
    expect(spectral).toBeCloseTo(direct, 10);
  });
});

describe('likelihood derivatives', () => {
  const x = Float64Array.from({ length: 12 }, (_, i) => -1.5 + 0.27 * i);
  const y = Float64Array.from(x, (value, i) => Math.sin(2 * value) + 0.1 * Math.cos(5 * i));
  const point: LogTheta = [Math.log(0.6), Math.log(0.9), Math.log(0.2)];

  it.each<KernelName>(['rbf', 'matern52', 'matern32'])(
    'gradient and Hessian match central differences (%s)',
    (kernel) => {
      const workspace = createLikelihoodWorkspace(kernel, x, y);
      const exact = evaluateLikelihood(workspace, point, 2);
      const step = 1e-5;
      for (let i = 0; i < 3; i++) {
        const shifted = (sign: number): LogTheta =>
          point.map((value, j) => (j === i ? value + sign * step : value)) as LogTheta;
        const up = evaluateLikelihood(workspace, shifted(1), 1);
        const down = evaluateLikelihood(workspace, shifted(-1), 1);
        expect(exact.gradient![i]!).toBeCloseTo((up.value - down.value) / (2 * step), 6);
        for (let j = 0; j < 3; j++) {
          const numeric = (up.gradient![j]! - down.gradient![j]!) / (2 * step);
          expect(exact.hessian![i]![j]!).toBeCloseTo(numeric, 5);
        }
      }
    },
  );
});

describe('blocked products', () => {
  it.each([1, 2, 3, 5, 8, 13])(
    'A Bᵀ matches the triple loop for n = %i, general and symmetric',
    (n) => {
      const a = Float64Array.from({ length: n * n }, (_, i) => Math.sin(i + 1));
      const b = Float64Array.from({ length: n * n }, (_, i) => Math.cos(3 * i));
      const out = new Float64Array(n * n);
      multiplyTransposed(kernels, a, b, n, out);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let sum = 0;
          for (let k = 0; k < n; k++) sum += a[i * n + k]! * b[j * n + k]!;
          expect(out[i * n + j]!).toBeCloseTo(sum, 12);
        }
      const symmetric = new Float64Array(n * n);
      multiplyTransposed(kernels, a, a, n, symmetric, { symmetricResult: true });
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let sum = 0;
          for (let k = 0; k < n; k++) sum += a[i * n + k]! * a[j * n + k]!;
          expect(symmetric[i * n + j]!).toBeCloseTo(sum, 12);
        }
    },
  );
});
