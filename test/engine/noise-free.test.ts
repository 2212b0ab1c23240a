/**
 * Nearly noise-free data — a smooth function sampled with noise σn/σf from 1e-3 down to 0, as a
 * teacher placing points on a curve or a simulation's output would give — at n = 20, 100 and 300,
 * every kernel. The noise floor is set where the sensitivities keep about six digits in float64
 * (docs/numerics.md, "The noise floor"), so
 *
 * - every fit has sensitivities: an interior maximum is "trusted" or "caution", a maximum on the
 *   floor is "caution" with σn held there and the constrained (KKT) sensitivities;
 * - the constrained sensitivities match finite-difference refits under the same bound to 1e-5
 *   (of the matrix's largest entry) at the first and last points. Not at every point: where θ̂'s
 *   response to a point is sharply curved its linear range is a small fraction of σn, and float64
 *   refits cannot resolve it (docs/numerics.md, "What the refits can check"); 45-digit refits
 *   check every point (floor-refit-high-precision.test.ts);
 * - the sensitivities' estimated rounding error bounds the error measured by their exact
 *   identities (translation and scaling of x, scaling of y), on K with condition numbers up to 1e10.
 */
import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  finiteDifferenceCheck,
  fitHyperparameters,
  type KernelName,
} from '../../src/engine';
import { createLikelihoodWorkspace, evaluateLikelihood } from '../../src/engine/likelihood';
import { noiseRatioFloor } from '../../src/engine/search-region';
import { weightedSum, type DefinedSensitivities } from './identity-sums';
import { smoothData } from './smooth-data';

const KERNELS: KernelName[] = ['rbf', 'matern52', 'matern32'];
const SIZES = [20, 100, 300];
const NOISES = [1e-3, 1e-5, 0];
const CASES = KERNELS.flatMap((kernel) =>
  SIZES.flatMap((n) => NOISES.map((noise) => [kernel, n, noise] as const)),
);

/** The Done-when tolerance of a refit check, relative to the matrix's largest entry. */
const REFIT_AGREEMENT = 1e-5;

/**
 * The largest relative residual of the exact identities: Σ_k ∂ log θ̂/∂x_k = 0 (in units of 1/span),
 * Σ_k x_k ∂ log θ̂/∂x_k = (1, 0, 0), Σ_k y_k ∂ log θ̂/∂y_k = (0, 1, 1), each against the sum of its
 * terms' magnitudes.
 */
function identityResidual(x: Float64Array, y: Float64Array, s: DefinedSensitivities): number {
  const span = x[x.length - 1]! - x[0]!;
  const residual = (row: Float64Array, weights: ArrayLike<number> | null, expected: number) => {
    const { sum, scale } = weightedSum(row, weights);
    return Math.abs(sum - expected) / Math.max(1, scale);
  };
  return Math.max(
    ...s.dLogTheta_dx.map((row) =>
      residual(
        row.map((value) => value * span),
        null,
        0,
      ),
    ),
    ...s.dLogTheta_dx.map((row, i) => residual(row, x, i === 0 ? 1 : 0)),
    ...s.dLogTheta_dy.map((row, i) => residual(row, y, i === 0 ? 0 : 1)),
  );
}

describe('nearly noise-free data', () => {
  it.each(CASES)(
    '%s, n = %i, noise %s: arrows defined; on the floor they match refits under the bound',
    (kernel, n, noise) => {
      const data = smoothData(n, noise, n + 17);
      const fit = fitHyperparameters(data, { kernel });
      const { diagnostics } = fit;
      const sensitivities = computeSensitivities(data, fit);
      if (!sensitivities.defined) throw new Error(sensitivities.reason);
      const noiseToSignal = Math.exp(fit.logTheta[2] - fit.logTheta[1]);
      if (diagnostics.constrained) {
        expect(diagnostics.constrained.held).toEqual(['noiseStd']);
        expect(diagnostics.trust).toBe('caution');
        expect(noiseToSignal).toBeCloseTo(Math.sqrt(noiseRatioFloor(n)), 12);
        let largest = 0;
        for (const row of sensitivities.dLogTheta_dy) {
          for (const value of row) largest = Math.max(largest, Math.abs(value));
        }
        for (const index of [0, n - 1]) {
          const check = finiteDifferenceCheck(data, fit, index, sensitivities);
          const disagreement = Math.max(
            ...check.fd.map((value, i) => Math.abs(value - check.ift[i]!)),
          );
          expect(disagreement / largest, `point ${index}`).toBeLessThan(REFIT_AGREEMENT);
        }
      } else {
        expect(['trusted', 'caution']).toContain(diagnostics.trust);
        expect(noiseToSignal).toBeGreaterThan(Math.sqrt(noiseRatioFloor(n)));
      }
      // The estimate of the rounding error bounds the error the exact identities measure.
      const measured = identityResidual(data.x, data.y, sensitivities);
      expect(measured).toBeLessThanOrEqual(Math.max(diagnostics.roundoff.sensitivities, 1e-12));
    },
    120_000,
  );

  it('the rounding estimate sees the ill-conditioning that the Cholesky pivots miss', () => {
    // RBF on exact samples: most eigenvalues of R are below the noise ratio, and the pivots of K's
    // factor spread far less than its eigenvalues do.
    const data = smoothData(20, 0, 37);
    const fit = fitHyperparameters(data, { kernel: 'rbf' });
    const workspace = createLikelihoodWorkspace('rbf', data.x, data.y);
    const { roundoff } = evaluateLikelihood(workspace, fit.logTheta, 1);
    expect(roundoff!.normCondition!).toBeGreaterThan(100 * roundoff!.conditionEstimate);
    // The fit works in internal units (a power-of-two rescaling): the same κ to rounding.
    const ratio = fit.diagnostics.roundoff.covarianceCondition / roundoff!.normCondition!;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    expect(fit.diagnostics.roundoff.sensitivities).toBeGreaterThan(
      1e-16 * roundoff!.normCondition!,
    );
  });
});
