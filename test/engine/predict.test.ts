import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  fitHyperparameters,
  predictLogTheta,
  validateDataset,
} from '../../src/engine';
import { referenceCases } from './fixtures';

describe('first-order prediction of θ̂', () => {
  const reference = referenceCases['bumps25']!;
  const data = validateDataset(reference.x, reference.y);
  const fit = fitHyperparameters(data);
  const sensitivities = computeSensitivities(data, fit);

  function moved(step: number) {
    const x = Float64Array.from(data.x);
    const y = Float64Array.from(data.y);
    y[7] = y[7]! + step;
    x[12] = x[12]! + 0.5 * step;
    return { x, y };
  }

  it('has an error that shrinks with the square of the move', () => {
    const errors = [0.02, 0.01].map((step) => {
      const target = moved(step);
      const prediction = predictLogTheta(data, fit, sensitivities, target);
      const refit = fitHyperparameters(target, { warmStart: { logTheta: fit.logTheta } });
      return Math.max(...prediction.map((value, i) => Math.abs(value - refit.logTheta[i]!)));
    });
    expect(errors[0]!).toBeGreaterThan(0);
    expect(errors[0]! / errors[1]!).toBeGreaterThan(3);
    expect(errors[0]! / errors[1]!).toBeLessThan(5);
  });

  it('makes the warm refit converge to the cold fit in few Newton steps', () => {
    const target = moved(0.01);
    const warm = fitHyperparameters(target, {
      warmStart: { logTheta: predictLogTheta(data, fit, sensitivities, target) },
    });
    const cold = fitHyperparameters(target);
    warm.logTheta.forEach((value, i) =>
      expect(Math.abs(value - cold.logTheta[i]!)).toBeLessThan(1e-9),
    );
    expect(warm.newtonSteps).toBeLessThanOrEqual(2);
  });

  it('falls back to the current θ̂ when a point is added', () => {
    const bigger = validateDataset([...data.x, 100], [...data.y, 0]);
    expect(predictLogTheta(data, fit, sensitivities, bigger)).toEqual(fit.logTheta);
  });
});
