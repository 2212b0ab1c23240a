/**
 * Nearly noise-free data — a smooth function sampled with noise σn/σf from 1e-3 down to 0, as a
 * teacher placing points on a curve or a simulation's output would give. A maximum on the noise
 * floor (docs/numerics.md) has the constrained sensitivities (σn held at its floor's ratio to σf),
 * which agree with finite-difference refits where float64 allows; where it does not, the fit
 * says so rather than draw arrows.
 */
import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  finiteDifferenceCheck,
  fitHyperparameters,
  validateDataset,
  type KernelName,
} from '../../src/engine';
import { normalGenerator } from '../../src/engine/random';

/** sin(x) + 0.5 sin(2.3 x) on [0, 10] at n jittered inputs, plus N(0, noise²). */
function smoothData(n: number, noise: number, seed: number) {
  const normal = normalGenerator(seed);
  const x = Array.from({ length: n }, (_, i) => (10 * (i + 0.3 * Math.sin(7 * i))) / n);
  const y = x.map((value) => Math.sin(value) + 0.5 * Math.sin(2.3 * value) + noise * normal());
  return validateDataset(x, y);
}

/**
 * Where the float64 engine delivers constrained sensitivities on noise-free data and refits can
 * check them: few points, Matérn kernels (n, noise, kernel, digits the refits must agree to).
 * With more points, or the RBF kernel, K's condition number leaves fewer digits — the fit then
 * says "caution" or "untrusted" with the reason (docs/numerics.md).
 */
const CASES: [number, number, KernelName, number][] = [
  [20, 1e-3, 'matern52', 6],
  [20, 0, 'matern52', 6],
  [20, 1e-5, 'matern32', 7],
  [20, 0, 'matern32', 7],
  [100, 1e-4, 'matern32', 4],
  [100, 0, 'matern32', 4],
];

describe('nearly noise-free data', () => {
  it.each(CASES)(
    'n = %i, noise %s, %s: σn held on its floor, and refits agree with the arrows',
    (n, noise, kernel, digits) => {
      const data = smoothData(n, noise, n + 17);
      const fit = fitHyperparameters(data, { kernel });
      expect(fit.diagnostics.constrained?.held).toEqual(['noiseStd']);
      expect(fit.diagnostics.trust).toBe('caution');
      const sensitivities = computeSensitivities(data, fit);
      expect(sensitivities.defined).toBe(true);
      for (const index of [0, Math.floor(n / 2), n - 1]) {
        const check = finiteDifferenceCheck(data, fit, index, sensitivities);
        expect(check.agreeDigits, `point ${index}`).toBeGreaterThanOrEqual(digits);
      }
    },
  );

  it('an RBF fit of exact samples is never called trusted: rounding would swamp its arrows', () => {
    const fit = fitHyperparameters(smoothData(100, 0, 117), { kernel: 'rbf' });
    expect(fit.diagnostics.trust).toBe('untrusted');
    expect(computeSensitivities(smoothData(100, 0, 117), fit).defined).toBe(false);
  });
});
