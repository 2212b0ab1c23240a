/**
 * The exact identities of the sensitivities (docs: translation and scaling of x, scaling of y),
 * checked as weighted sums of a row against their exact values.
 */
import { expect } from 'vitest';
import type { Dataset, SensitivityResult } from '../../src/engine';

export const IDENTITY_TOLERANCE = 1e-8;

export type DefinedSensitivities = Extract<SensitivityResult, { defined: true }>;

/** Σ_k w_k row_k, and the scale Σ_k |w_k row_k| against which its error is judged. */
export function weightedSum(
  row: Float64Array,
  weights: ArrayLike<number> | null,
): { sum: number; scale: number } {
  let sum = 0;
  let scale = 0;
  for (let k = 0; k < row.length; k++) {
    const term = (weights ? weights[k]! : 1) * row[k]!;
    sum += term;
    scale += Math.abs(term);
  }
  return { sum, scale };
}

function expectIdentity(
  row: Float64Array,
  weights: ArrayLike<number> | null,
  expected: number,
  scale = 1,
): void {
  const { sum, scale: terms } = weightedSum(row, weights);
  expect(Math.abs(sum - expected)).toBeLessThanOrEqual(IDENTITY_TOLERANCE * Math.max(scale, terms));
}

/**
 * Translation of x leaves θ̂ (Σ dθ̂/dx_k = 0, judged against the θ the rows are in), scaling x by c
 * scales ℓ̂ by c and leaves σ̂f, σ̂n, scaling y by c leaves ℓ̂ and scales σ̂f, σ̂n by c.
 */
export function checkIdentities(data: Dataset, sensitivities: DefinedSensitivities): void {
  const { dLogTheta_dx, dLogTheta_dy } = sensitivities;
  // Translation: Σ_k ∂ log θ̂/∂x_k = 0, judged in units of 1/spread of x.
  let xMin = Infinity;
  let xMax = -Infinity;
  for (const value of data.x) {
    xMin = Math.min(xMin, value);
    xMax = Math.max(xMax, value);
  }
  for (const row of dLogTheta_dx) expectIdentity(row, null, 0, 1 / (xMax - xMin));
  expectIdentity(dLogTheta_dx[0], data.x, 1);
  expectIdentity(dLogTheta_dx[1], data.x, 0);
  expectIdentity(dLogTheta_dx[2], data.x, 0);
  expectIdentity(dLogTheta_dy[0], data.y, 0);
  expectIdentity(dLogTheta_dy[1], data.y, 1);
  expectIdentity(dLogTheta_dy[2], data.y, 1);
}
