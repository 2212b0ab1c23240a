import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  fitHyperparameters,
  predictLogTheta,
  validateDataset,
} from '../../src/engine';
import { referenceCases } from '../fixtures/reference';

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

  it("starts with the previous fit's Hessian and ends with the new fit's exact one", () => {
    const target = moved(0.01);
    const cold = fitHyperparameters(target);
    const coldSensitivities = computeSensitivities(target, cold);
    const starts = [
      predictLogTheta(data, fit, sensitivities, target),
      // At the maximum itself the first step is below tolerance, taken on the borrowed Hessian:
      // the result must still carry the exact one.
      cold.logTheta,
    ];
    for (const logTheta of starts) {
      const warm = fitHyperparameters(target, {
        warmStart: { logTheta, hessianLogTheta: fit.hessianLogTheta },
      });
      warm.logTheta.forEach((value, i) =>
        expect(Math.abs(value - cold.logTheta[i]!)).toBeLessThan(1e-9),
      );
      warm.hessianLogTheta.flat().forEach((value, i) => {
        expect(Math.abs(value - cold.hessianLogTheta.flat()[i]!)).toBeLessThan(1e-7);
        expect(Math.abs(value - fit.hessianLogTheta.flat()[i]!)).toBeGreaterThan(0);
      });
      const warmSensitivities = computeSensitivities(target, warm);
      expect(warmSensitivities.defined && coldSensitivities.defined).toBe(true);
      if (!warmSensitivities.defined || !coldSensitivities.defined) continue;
      warmSensitivities.dLogTheta_dy.forEach((row, i) =>
        row.forEach((value, k) =>
          expect(Math.abs(value - coldSensitivities.dLogTheta_dy[i]![k]!)).toBeLessThan(1e-6),
        ),
      );
    }
  });

  it('falls back to the current θ̂ when a point is added', () => {
    const bigger = validateDataset([...data.x, 100], [...data.y, 0]);
    expect(predictLogTheta(data, fit, sensitivities, bigger)).toEqual(fit.logTheta);
  });
});
