import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  fitHyperparameters,
  GpInputError,
  MAX_POINTS,
  validateDataset,
} from '../../src/engine';

function expectInputError(run: () => unknown, code: string, fragment: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GpInputError);
    expect((error as GpInputError).code).toBe(code);
    expect((error as GpInputError).message).toContain(fragment);
    return;
  }
  throw new Error(`expected a GpInputError with code ${code}`);
}

describe('validateDataset', () => {
  it('rejects fewer than two points', () => {
    expectInputError(() => validateDataset([1], [2]), 'too-few-points', 'at least 2');
    expectInputError(() => validateDataset([], []), 'too-few-points', 'got 0');
  });
  it('rejects NaN and Infinity, naming the value', () => {
    expectInputError(() => validateDataset([0, Number.NaN], [1, 2]), 'non-finite', 'x[1] is NaN');
    expectInputError(
      () => validateDataset([0, 1], [1, Infinity]),
      'non-finite',
      'y[1] is Infinity',
    );
    expectInputError(
      () => validateDataset([0, 1], [1, '2']),
      'not-a-number',
      'y[1] is not a number: "2"',
    );
  });
  it('rejects x and y of different lengths', () => {
    expectInputError(
      () => validateDataset([0, 1, 2], [1, 2]),
      'length-mismatch',
      'x has 3 values but y has 2',
    );
  });
  it('rejects non-arrays', () => {
    expectInputError(() => validateDataset('0,1', [1, 2]), 'not-an-array', 'x must be an array');
  });
  it('rejects inputs that are all equal', () => {
    expectInputError(
      () => validateDataset([3, 3, 3], [1, 2, 3]),
      'all-x-equal',
      'all x values equal 3',
    );
  });
  it('rejects y identically zero', () => {
    expectInputError(() => validateDataset([0, 1, 2], [0, 0, 0]), 'zero-y', 'every y is 0');
  });
  it(`rejects more than ${MAX_POINTS} points`, () => {
    const many = Array.from({ length: MAX_POINTS + 1 }, (_, i) => i);
    expectInputError(() => validateDataset(many, many), 'too-many-points', `at most ${MAX_POINTS}`);
  });
  it('copies the data so later mutation cannot corrupt a fit', () => {
    const x = [0, 1, 2];
    const data = validateDataset(x, [1, 2, 3]);
    x[0] = 99;
    expect(data.x[0]).toBe(0);
  });
});

describe('degenerate but legal data', () => {
  it('fits duplicate x values: the noise explains them', () => {
    const x = [0, 1, 1, 2, 3, 3, 4, 5, 6, 7];
    const y = x.map((value, i) => Math.sin(value) + (i % 2 ? 0.1 : -0.1));
    const data = validateDataset(x, y);
    const fit = fitHyperparameters(data);
    expect(fit.theta.noiseStd).toBeGreaterThan(0.01);
    expect(fit.diagnostics.trust).not.toBe('untrusted');
    const sensitivities = computeSensitivities(data, fit);
    expect(sensitivities.defined).toBe(true);
    if (sensitivities.defined) {
      for (const row of sensitivities.dTheta_dx)
        for (const value of row) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('reports a constant non-zero y as a boundary optimum, with no sensitivities', () => {
    const data = validateDataset([0, 1, 2, 3, 4, 5], [2, 2, 2, 2, 2, 2]);
    const fit = fitHyperparameters(data);
    expect(fit.diagnostics.trust).toBe('untrusted');
    expect(fit.diagnostics.reasons.length).toBeGreaterThan(0);
    const sensitivities = computeSensitivities(data, fit);
    expect(sensitivities.defined).toBe(false);
    if (!sensitivities.defined)
      expect(sensitivities.reason).toMatch(/implicit function theorem does not apply/);
  });

  it('names the drift of degenerate optima: a straight line and an interpolating fit', () => {
    // An exact line asks for ℓ → ∞ and σn → 0 together. With σn held on its noise floor (where
    // the sensitivities keep six digits, docs/numerics.md) the lengthscale stops far beyond the
    // span: a constrained maximum, labelled so, with the arrows of ℓ and σf.
    const line = validateDataset([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const kernel of ['matern32', 'rbf'] as const) {
      const lineFit = fitHyperparameters(line, { kernel });
      expect(lineFit.diagnostics.constrained?.held).toEqual(['noiseStd']);
      expect(lineFit.diagnostics.trust).toBe('caution');
      expect(lineFit.theta.lengthscale).toBeGreaterThan(2 * 9);
      expect(lineFit.diagnostics.reasons.join(' ')).toMatch(/smallest allowed value/);
    }
    const wiggle = validateDataset([0, 1, 2, 3, 4], [1, 2, 0.5, -1, 0]);
    expect(fitHyperparameters(wiggle).diagnostics.boundary).toContain('noise-vanishing');
  });

  it('reports pure noise as a degenerate fit rather than drawing numbers', () => {
    // A deterministic alternating sequence: no correlation at any lengthscale.
    const x = Array.from({ length: 30 }, (_, i) => i);
    const y = x.map((i) => ((i * 7919) % 13) / 13 - 0.5);
    const data = validateDataset(x, y);
    const fit = fitHyperparameters(data);
    const sensitivities = computeSensitivities(data, fit);
    if (sensitivities.defined) {
      expect(fit.diagnostics.trust).not.toBe('untrusted');
    } else {
      expect(fit.diagnostics.trust).toBe('untrusted');
      expect(sensitivities.reason.length).toBeGreaterThan(10);
    }
  });

  it('handles huge and tiny scales identically up to the units', () => {
    const x = Array.from({ length: 15 }, (_, i) => i * 0.7);
    // Irregular noise: the fractional part of a large multiple of sin (a classic shader hash).
    const noise = (i: number) => ((Math.abs(Math.sin(i * 12.9898) * 43758.5453) % 1) - 0.5) * 0.3;
    const y = x.map((value, i) => Math.sin(value) + noise(i));
    const base = fitHyperparameters(validateDataset(x, y));
    expect(base.diagnostics.trust).toBe('trusted');
    for (const [xScale, yScale] of [
      [1e-6, 1e6],
      [1e6, 1e-6],
    ] as const) {
      const scaled = fitHyperparameters(
        validateDataset(
          x.map((value) => value * xScale),
          y.map((value) => value * yScale),
        ),
      );
      expect(scaled.theta.lengthscale / xScale).toBeCloseTo(base.theta.lengthscale, 8);
      expect(scaled.theta.signalStd / yScale).toBeCloseTo(base.theta.signalStd, 8);
      expect(scaled.theta.noiseStd / yScale).toBeCloseTo(base.theta.noiseStd, 8);
    }
  });
});
