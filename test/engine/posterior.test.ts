import { describe, expect, it } from 'vitest';
import {
  fitHyperparameters,
  likelihoodLandscape,
  posterior,
  posteriorFactors,
  posteriorSamples,
  kernelCorrelation,
  validateDataset,
} from '../../src/engine';
import { referenceCases } from '../fixtures/reference';

const reference = referenceCases['sine10']!;
const data = validateDataset(reference.x, reference.y);
const theta = reference.theta;
const grid = Float64Array.from({ length: 101 }, (_, i) => -1 + (12 * i) / 100);

describe('posterior', () => {
  it('leaves the residual σn²α at the data and reverts to the prior far away', () => {
    // At the inputs, K* = K − σn²I, so mean = y − σn²α exactly.
    const atData = posterior(data, theta, 'rbf', data.x);
    const { alpha } = posteriorFactors(data, theta, 'rbf');
    data.y.forEach((value, i) =>
      expect(atData.mean[i]!).toBeCloseTo(value - theta.noiseStd ** 2 * alpha[i]!, 12),
    );
    atData.variance.forEach((value) => expect(value).toBeLessThan(theta.noiseStd ** 2));
    const far = posterior(data, theta, 'rbf', Float64Array.of(1e3));
    expect(far.mean[0]!).toBeCloseTo(0, 12);
    expect(far.variance[0]!).toBeCloseTo(theta.signalStd ** 2, 12);
  });

  it('agrees with the factors the GPU path uses', () => {
    const { alpha, choleskyInverse } = posteriorFactors(data, theta, 'rbf');
    const direct = posterior(data, theta, 'rbf', grid);
    const n = data.x.length;
    grid.forEach((xq, q) => {
      const cross = Array.from(
        data.x,
        (xi) =>
          theta.signalStd ** 2 * kernelCorrelation('rbf', Math.abs(xq - xi), theta.lengthscale),
      );
      const mean = cross.reduce((sum, value, i) => sum + value * alpha[i]!, 0);
      let explained = 0;
      for (let i = 0; i < n; i++) {
        let row = 0;
        for (let k = 0; k <= i; k++) row += choleskyInverse[i * n + k]! * cross[k]!;
        explained += row * row;
      }
      expect(mean).toBeCloseTo(direct.mean[q]!, 12);
      expect(Math.max(0, theta.signalStd ** 2 - explained)).toBeCloseTo(direct.variance[q]!, 12);
    });
  });

  it('draws reproducible samples whose spread matches the posterior variance', () => {
    const query = Float64Array.of(2.5, 7.5);
    const samples = posteriorSamples(data, theta, 'rbf', query, 4000, 42);
    expect(posteriorSamples(data, theta, 'rbf', query, 1, 42)[0]).toEqual(samples[0]);
    const expected = posterior(data, theta, 'rbf', query);
    for (let q = 0; q < 2; q++) {
      const values = samples.map((path) => path[q]!);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
      const sd = Math.sqrt(expected.variance[q]!);
      expect(Math.abs(mean - expected.mean[q]!)).toBeLessThan(
        (4 * sd) / Math.sqrt(values.length) + 1e-9,
      );
      expect(variance / expected.variance[q]!).toBeGreaterThan(0.9);
      expect(variance / expected.variance[q]!).toBeLessThan(1.1);
    }
  });
});

describe('likelihood landscape', () => {
  it('peaks next to the fitted θ̂ and never exceeds the fitted log likelihood', () => {
    const fit = fitHyperparameters(data);
    const lengthscales = Float64Array.from({ length: 40 }, (_, i) => 0.3 * 1.08 ** i);
    const noiseRatios = Float64Array.from({ length: 40 }, (_, i) => 1e-4 * 1.3 ** i);
    const landscape = likelihoodLandscape(data, 'rbf', { lengthscales, noiseRatios });
    expect(landscape.profileLml.length).toBe(1600);
    for (const value of landscape.profileLml) expect(value).toBeLessThanOrEqual(fit.lml + 1e-9);
    expect(landscape.best.lml).toBeGreaterThan(fit.lml - 0.05);
    expect(Math.abs(Math.log(landscape.best.lengthscale / fit.theta.lengthscale))).toBeLessThan(
      0.1,
    );
    const fittedRatio = (fit.theta.noiseStd / fit.theta.signalStd) ** 2;
    expect(Math.abs(Math.log(landscape.best.noiseRatio / fittedRatio))).toBeLessThan(0.3);
  });

  it('equals the full likelihood with σf profiled out at θ̂', () => {
    const fit = fitHyperparameters(data);
    const ratio = (fit.theta.noiseStd / fit.theta.signalStd) ** 2;
    const landscape = likelihoodLandscape(data, 'rbf', {
      lengthscales: Float64Array.of(fit.theta.lengthscale),
      noiseRatios: Float64Array.of(ratio),
    });
    expect(landscape.profileLml[0]!).toBeCloseTo(fit.lml, 9);
    expect(landscape.best.signalStd).toBeCloseTo(fit.theta.signalStd, 9);
  });
});
