/**
 * Extreme scales: data rescaled by 1e-300 … 1e300 (x, y, or both) fit exactly as the original
 * does, up to the units, and the identities hold at every scale; data whose spread float64 cannot
 * carry through the fit (denormal, or near overflow, or x and y whose spreads differ by more than
 * 1e271, where dθ̂/dy and dθ̂/dx overflow) get a typed error; and no finite input at all
 * ends in anything but a result or a GpInputError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  fitHyperparameters,
  GpInputError,
  validateDataset,
  type Dataset,
} from '../../src/engine';
import { checkIdentities } from './identity-sums';

const SCALES = [1e-300, 1e-200, 1e-100, 1e-12, 1, 1e12, 1e100, 1e200, 1e300];

/** A noisy sine of 15 points (irregular noise from a hash), fitted trusted by every kernel. */
const base: Dataset = (() => {
  const x = Array.from({ length: 15 }, (_, i) => i * 0.7 + 0.05 * Math.sin(7 * i));
  const noise = (i: number) => ((Math.abs(Math.sin(i * 12.9898) * 43758.5453) % 1) - 0.5) * 0.3;
  return validateDataset(
    x,
    x.map((value, i) => Math.sin(value) + noise(i)),
  );
})();

function scaled(data: Dataset, xScale: number, yScale: number): Dataset {
  return validateDataset(
    Array.from(data.x, (value) => value * xScale),
    Array.from(data.y, (value) => value * yScale),
  );
}

describe('data at extreme scales', () => {
  const reference = fitHyperparameters(base);
  const referenceSensitivities = computeSensitivities(base, reference);

  it.each(SCALES.flatMap((xScale) => SCALES.map((yScale) => [xScale, yScale] as const)))(
    'x × %s, y × %s fits as the original does, and the identities hold (or is refused by name)',
    (xScale, yScale) => {
      // Beyond a ratio of 1e±271 between the spreads, dθ̂/dy or dθ̂/dx would overflow.
      if (Math.abs(Math.log10(xScale) - Math.log10(yScale)) > 271) {
        expect(() => scaled(base, xScale, yScale)).toThrow(/beyond 1e±271/);
        return;
      }
      const data = scaled(base, xScale, yScale);
      const fit = fitHyperparameters(data);
      expect(fit.diagnostics.trust).toBe(reference.diagnostics.trust);
      const close = (value: number, expected: number) =>
        expect(Math.abs(value / expected - 1)).toBeLessThan(1e-8);
      close(fit.theta.lengthscale / xScale, reference.theta.lengthscale);
      close(fit.theta.signalStd / yScale, reference.theta.signalStd);
      close(fit.theta.noiseStd / yScale, reference.theta.noiseStd);
      // L = L' − n log s_y.
      expect(Math.abs(fit.lml + base.x.length * Math.log(yScale) - reference.lml)).toBeLessThan(
        1e-8 * Math.abs(reference.lml),
      );
      const sensitivities = computeSensitivities(data, fit);
      expect(sensitivities.defined && referenceSensitivities.defined).toBe(true);
      if (!sensitivities.defined || !referenceSensitivities.defined) return;
      checkIdentities(data, sensitivities);
      for (let row = 0; row < 3; row++) {
        const dy = referenceSensitivities.dLogTheta_dy[row as 0];
        const dx = referenceSensitivities.dLogTheta_dx[row as 0];
        const largest = Math.max(...Array.from(dy, Math.abs), ...Array.from(dx, Math.abs));
        for (let k = 0; k < dy.length; k++) {
          expect(Math.abs(sensitivities.dLogTheta_dy[row as 0][k]! * yScale - dy[k]!)).toBeLessThan(
            1e-6 * largest,
          );
          expect(Math.abs(sensitivities.dLogTheta_dx[row as 0][k]! * xScale - dx[k]!)).toBeLessThan(
            1e-6 * largest,
          );
        }
      }
    },
  );

  it('fits x offset far from zero (1e12 + a spread of 10) as the original does', () => {
    const data = validateDataset(
      Array.from(base.x, (value) => 1e12 + value),
      base.y,
    );
    const fit = fitHyperparameters(data);
    expect(Math.abs(fit.theta.lengthscale / reference.theta.lengthscale - 1)).toBeLessThan(1e-4);
    expect(fit.diagnostics.trust).toBe('trusted');
  });

  it.each([
    ['x', 1e-310, 1],
    ['y', 1, 1e-310],
    ['x', 1e305, 1],
    ['y', 1, 1e305],
  ] as const)(
    'refuses %s spread beyond what float64 carries (× %s, × %s), naming it',
    (name, xScale, yScale) => {
      let error: unknown;
      try {
        scaled(base, xScale, yScale);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(GpInputError);
      expect((error as GpInputError).code).toBe('scale-out-of-range');
      expect((error as GpInputError).message).toMatch(new RegExp(`of ${name} is`));
    },
  );

  it('answers any finite input with a result or a typed error, never an internal failure', () => {
    const anyDouble = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -10, max: 10, noNaN: true }),
      fc.constantFrom(0, 5e-324, -5e-324, 1e-310, 1e300, -1e300, 1.7976931348623157e308),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyDouble, anyDouble), { minLength: 2, maxLength: 12 }),
        fc.constantFrom('rbf', 'matern52', 'matern32' as const),
        (pairs, kernel) => {
          let data: Dataset;
          try {
            data = validateDataset(
              pairs.map(([x]) => x),
              pairs.map(([, y]) => y),
            );
          } catch (error) {
            expect(error).toBeInstanceOf(GpInputError);
            return;
          }
          const fit = fitHyperparameters(data, { kernel });
          expect(Number.isFinite(fit.lml)).toBe(true);
          expect(Object.values(fit.theta).every(Number.isFinite)).toBe(true);
          const sensitivities = computeSensitivities(data, fit);
          if (sensitivities.defined) {
            for (const row of [...sensitivities.dLogTheta_dy, ...sensitivities.dLogTheta_dx])
              for (const value of row) expect(Number.isFinite(value)).toBe(true);
          }
        },
      ),
      { numRuns: 150, seed: 300 },
    );
  });
});
