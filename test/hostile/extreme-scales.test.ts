/**
 * Data at the edges of float64 (scale-cases.ts): each scale must give the fit of
 * the unscaled data, scaled (ℓ with x, σf and σn with y, the sensitivities inversely), or a typed
 * GpInputError — never an internal failure such as a non-converging eigenvalue iteration.
 */
import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  fitHyperparameters,
  GpInputError,
  validateDataset,
  type FitResult,
} from '../../src/engine';
import { EXTREME_SCALE_CASES, SCALE_BASE } from './scale-cases';

const base = (() => {
  const data = validateDataset(SCALE_BASE.x, SCALE_BASE.y);
  const fit = fitHyperparameters(data);
  return { data, fit, sensitivities: computeSensitivities(data, fit) };
})();

function relative(got: number, want: number): number {
  return Math.abs(got - want) / Math.abs(want);
}

describe('extreme scales (these depend on the engine keeping its standardisation finite at the edges of float64)', () => {
  it('the unscaled data give a trusted fit to compare with', () => {
    expect(base.fit.diagnostics.trust).toBe('trusted');
    expect(base.sensitivities.defined).toBe(true);
  });

  it.each(EXTREME_SCALE_CASES.map((c) => [c.name, c] as const))(
    '%s: the scaled fit, or a typed error',
    (_, { xScale, yScale }) => {
      let fit: FitResult;
      const data = (() => {
        try {
          return validateDataset(
            SCALE_BASE.x.map((value) => value * xScale),
            SCALE_BASE.y.map((value) => value * yScale),
          );
        } catch (error) {
          expect(error).toBeInstanceOf(GpInputError);
          return null;
        }
      })();
      if (data === null) return;
      try {
        fit = fitHyperparameters(data);
      } catch (error) {
        // The one acceptable failure is a typed refusal of the input.
        expect(error, String(error)).toBeInstanceOf(GpInputError);
        return;
      }
      expect(relative(fit.theta.lengthscale / xScale, base.fit.theta.lengthscale)).toBeLessThan(
        1e-6,
      );
      expect(relative(fit.theta.signalStd / yScale, base.fit.theta.signalStd)).toBeLessThan(1e-6);
      expect(relative(fit.theta.noiseStd / yScale, base.fit.theta.noiseStd)).toBeLessThan(1e-6);
      expect(fit.diagnostics.trust).toBe(base.fit.diagnostics.trust);
      expect(Number.isFinite(fit.lml)).toBe(true);

      const sensitivities = computeSensitivities(data, fit);
      expect(sensitivities.defined).toBe(true);
      if (!sensitivities.defined || !base.sensitivities.defined) return;
      // ∂ log θ̂/∂y scales as 1/yScale, ∂ log θ̂/∂x as 1/xScale.
      for (const [rows, baseRows, scale] of [
        [sensitivities.dLogTheta_dy, base.sensitivities.dLogTheta_dy, yScale],
        [sensitivities.dLogTheta_dx, base.sensitivities.dLogTheta_dx, xScale],
      ] as const) {
        const largest = Math.max(...baseRows.flatMap((row) => Array.from(row, Math.abs)));
        rows.forEach((row, r) =>
          row.forEach((value, i) => {
            expect(Number.isFinite(value)).toBe(true);
            expect(Math.abs(value * scale - baseRows[r]![i]!)).toBeLessThan(1e-5 * largest);
          }),
        );
      }
    },
  );
});
