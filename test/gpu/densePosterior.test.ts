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
import { correlationOfScaledDistance } from '../../src/gpu/correlation';
import { densePosterior, type PosteriorFactorInput } from '../../src/gpu/densePosterior';
import { referenceCases } from '../fixtures/reference';
import { startCpuBackend } from './tfjsCpu';

beforeAll(startCpuBackend);

function gridAround(x: ArrayLike<number>, count: number): Float64Array {
  const values = Array.from(x);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = 0.1 * (max - min);
  return Float64Array.from(
    { length: count },
    (_, j) => min - pad + ((max - min + 2 * pad) * j) / (count - 1),
  );
}

function factorsFor(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  theta: Hyperparameters,
  kernel: KernelName,
): { input: PosteriorFactorInput; data: ReturnType<typeof validateDataset> } {
  const data = validateDataset(x, y);
  return { data, input: { x: data.x, kernel, theta, ...posteriorFactors(data, theta, kernel) } };
}

/** max |got − want| / scale. */
function maxError(got: Float64Array, want: Float64Array, scale: number): number {
  let worst = 0;
  for (let j = 0; j < want.length; j++) worst = Math.max(worst, Math.abs(got[j]! - want[j]!));
  return worst / scale;
}

describe('float32 kernel correlations', () => {
  it.each(['rbf', 'matern52', 'matern32'] as const)(
    '%s matches the engine within 1e-6',
    (kernel) => {
      const scaled = Float32Array.from({ length: 201 }, (_, k) => k * 0.05);
      const tensor = tf.tensor1d(scaled);
      const result = correlationOfScaledDistance(kernel, tensor);
      const values = result.dataSync();
      tf.dispose([tensor, result]);
      scaled.forEach((t, k) => {
        expect(Math.abs(values[k]! - kernelCorrelation(kernel, t, 1))).toBeLessThan(1e-6);
      });
    },
  );
});

describe('dense posterior on the tfjs CPU backend against engine.posterior', () => {
  it.each(Object.entries(referenceCases))(
    '%s: mean within 1e-4 relative, variance within 1e-4 σf²',
    async (_name, reference) => {
      const { data, input } = factorsFor(
        reference.x,
        reference.y,
        reference.theta,
        reference.kernel,
      );
      const grid = gridAround(reference.x, 400);
      const want = posterior(data, reference.theta, reference.kernel, grid);
      const got = await densePosterior(input, grid);
      const meanScale = Math.max(...want.mean.map(Math.abs));
      expect(maxError(got.mean, want.mean, meanScale)).toBeLessThan(1e-4);
      expect(maxError(got.variance, want.variance, reference.theta.signalStd ** 2)).toBeLessThan(
        1e-4,
      );
      expect(got.variance.every((value) => value >= 0)).toBe(true);
    },
  );

  it('keeps far-away x exact by centring before float32 (x near 1e6, ℓ = 0.5)', async () => {
    const x = Array.from({ length: 30 }, (_, i) => 1e6 + 0.2 * i);
    const y = x.map((value) => Math.sin(3 * (value - 1e6)));
    const theta = { lengthscale: 0.5, signalStd: 1, noiseStd: 0.05 };
    const { data, input } = factorsFor(x, y, theta, 'rbf');
    const grid = gridAround(x, 400);
    const want = posterior(data, theta, 'rbf', grid);
    const got = await densePosterior(input, grid);
    expect(maxError(got.mean, want.mean, Math.max(...want.mean.map(Math.abs)))).toBeLessThan(1e-4);
    expect(maxError(got.variance, want.variance, 1)).toBeLessThan(1e-4);
  });

  it('clamps variances that float32 round-off would make negative', async () => {
    // Nearly noise-free data: at the training inputs the variance is ~σn², below float32 resolution.
    const x = Array.from({ length: 40 }, (_, i) => i * 0.25);
    const y = x.map(Math.sin);
    const theta = { lengthscale: 1, signalStd: 1, noiseStd: 1e-4 };
    const { input } = factorsFor(x, y, theta, 'rbf');
    const got = await densePosterior(input, Float64Array.from(x));
    expect(got.variance.every((value) => value >= 0 && value < 1e-3)).toBe(true);
    expect(got.mean.every(Number.isFinite)).toBe(true);
  });

  it('rejects factors whose shapes do not match the data', async () => {
    const { input } = factorsFor(
      [0, 1, 2],
      [1, 0, 1],
      { lengthscale: 1, signalStd: 1, noiseStd: 0.1 },
      'rbf',
    );
    await expect(
      densePosterior({ ...input, alpha: new Float64Array(2) }, new Float64Array(5)),
    ).rejects.toThrow(/alpha has 2 entries for 3 points/);
  });

  it('leaves no tensor behind across 100 calls', async () => {
    const reference = referenceCases.trend40!;
    const { input } = factorsFor(reference.x, reference.y, reference.theta, reference.kernel);
    const grid = gridAround(reference.x, 400);
    await densePosterior(input, grid);
    const before = tf.memory().numTensors;
    for (let k = 0; k < 100; k++) await densePosterior(input, grid);
    expect(tf.memory().numTensors).toBe(before);
  });
});
