import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  kernelCorrelation,
  posterior,
  posteriorFactors,
  validateDataset,
  type Hyperparameters,
  type KernelName,
} from '../../src/engine';
import { posteriorSamplePaths } from '../../src/gpu/posteriorSamples';
import { referenceCases } from '../fixtures/reference';
import { startCpuBackend } from './tfjsCpu';

beforeAll(startCpuBackend);

function setupCase(name: string, gridCount: number) {
  const reference = referenceCases[name]!;
  const data = validateDataset(reference.x, reference.y);
  const theta: Hyperparameters = reference.theta;
  const kernel: KernelName = reference.kernel;
  const factors = posteriorFactors(data, theta, kernel);
  const min = Math.min(...reference.x);
  const max = Math.max(...reference.x);
  const grid = Float64Array.from(
    { length: gridCount },
    (_, j) => min + ((max - min) * j) / (gridCount - 1),
  );
  const input = { x: data.x, y: data.y, kernel, theta, ...factors };
  return { data, theta, kernel, factors, grid, input };
}

/**
 * Float64 posterior covariance between grid points a and b from the engine's factors:
 * k(a, b) − (L⁻¹k_a)ᵀ(L⁻¹k_b).
 */
function posteriorCovariance(setup: ReturnType<typeof setupCase>, a: number, b: number): number {
  const { data, theta, kernel, factors, grid } = setup;
  const n = data.x.length;
  const signalVariance = theta.signalStd ** 2;
  const whitened = (q: number) =>
    Array.from({ length: n }, (_, i) => {
      let sum = 0;
      for (let j = 0; j <= i; j++) {
        const cross =
          signalVariance *
          kernelCorrelation(kernel, Math.abs(grid[q]! - data.x[j]!), theta.lengthscale);
        sum += factors.choleskyInverse[i * n + j]! * cross;
      }
      return sum;
    });
  const va = whitened(a);
  const vb = whitened(b);
  const prior =
    signalVariance * kernelCorrelation(kernel, Math.abs(grid[a]! - grid[b]!), theta.lengthscale);
  return prior - va.reduce((sum, value, i) => sum + value * vb[i]!, 0);
}

describe('posterior sample paths (pathwise conditioning, float32 on the tfjs CPU backend)', () => {
  it.each([
    ['sine10', 'rbf'],
    ['rough30m', 'matern52'],
    ['kink22m32', 'matern32'],
  ])('%s (%s): sample mean, variance and covariance match the float64 posterior', async (name) => {
    const setup = setupCase(name, 21);
    const count = 1000;
    const paths = await posteriorSamplePaths(setup.input, setup.grid, { count, seed: 7 });
    expect(paths).toHaveLength(count);
    const want = posterior(setup.data, setup.theta, setup.kernel, setup.grid);
    const signalVariance = setup.theta.signalStd ** 2;
    const m = setup.grid.length;
    const sampleMean = new Float64Array(m);
    for (const path of paths)
      for (let j = 0; j < m; j++) sampleMean[j] = sampleMean[j]! + path[j]! / count;
    for (let j = 0; j < m; j++) {
      const variance = want.variance[j]!;
      let sampleVariance = 0;
      for (const path of paths) sampleVariance += (path[j]! - sampleMean[j]!) ** 2 / (count - 1);
      // Five standard errors of the Monte-Carlo estimates, plus float32 resolution.
      expect(Math.abs(sampleMean[j]! - want.mean[j]!)).toBeLessThan(
        5 * Math.sqrt(variance / count) + 1e-4 * setup.theta.signalStd,
      );
      expect(Math.abs(sampleVariance - variance)).toBeLessThan(
        5 * Math.sqrt(2 / count) * variance + 1e-4 * signalVariance,
      );
    }
    // Neighbouring grid points: the paths are smooth functions, not independent noise.
    for (const [a, b] of [
      [5, 6],
      [10, 13],
    ] as const) {
      let sampleCovariance = 0;
      for (const path of paths)
        sampleCovariance +=
          ((path[a]! - sampleMean[a]!) * (path[b]! - sampleMean[b]!)) / (count - 1);
      const covariance = posteriorCovariance(setup, a, b);
      const scale = Math.sqrt(want.variance[a]! * want.variance[b]!);
      expect(Math.abs(sampleCovariance - covariance)).toBeLessThan(
        5 * Math.sqrt(2 / count) * scale + 1e-4 * signalVariance,
      );
    }
  });

  it('is reproducible for a seed and differs between seeds', async () => {
    const setup = setupCase('bumps25', 50);
    const first = await posteriorSamplePaths(setup.input, setup.grid, { count: 3, seed: 11 });
    const again = await posteriorSamplePaths(setup.input, setup.grid, { count: 3, seed: 11 });
    const other = await posteriorSamplePaths(setup.input, setup.grid, { count: 3, seed: 12 });
    expect(again).toEqual(first);
    expect(other[0]).not.toEqual(first[0]);
  });

  it('returns count paths of grid length, and none for count 0', async () => {
    const setup = setupCase('trend40', 400);
    const paths = await posteriorSamplePaths(setup.input, setup.grid, { count: 5, seed: 1 });
    expect(paths.map((path) => path.length)).toEqual([400, 400, 400, 400, 400]);
    expect(paths.every((path) => path.every(Number.isFinite))).toBe(true);
    expect(await posteriorSamplePaths(setup.input, setup.grid, { count: 0, seed: 1 })).toEqual([]);
  });

  it('leaves no tensor behind across 100 calls', async () => {
    const setup = setupCase('sine10', 400);
    await posteriorSamplePaths(setup.input, setup.grid, { count: 3, seed: 1 });
    const before = tf.memory().numTensors;
    for (let k = 0; k < 100; k++)
      await posteriorSamplePaths(setup.input, setup.grid, { count: 3, seed: k });
    expect(tf.memory().numTensors).toBe(before);
  });
});
