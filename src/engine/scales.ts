/**
 * The spreads of the data — the standard deviation of x and the root-mean-square of y — computed
 * for any finite values without overflow or underflow: each value is first divided by the power of
 * two just above the largest magnitude (exact), so nothing squared exceeds 1.
 */
import type { Dataset } from './types';

/**
 * The spreads the engine accepts: 2^±1000 ≈ 1e±301. Inside, θ̂, L and the sensitivities (which
 * scale like 1/spread) are normal float64 numbers with a millionfold to spare, so data at any
 * scale from 1e-300 to 1e300 fit; denormal or near-overflow data do not.
 */
export const SCALE_RANGE: readonly [number, number] = [2 ** -1000, 2 ** 1000];

/**
 * The ratios of the spreads the engine accepts: 2^±900 ≈ 1e±271. dθ̂/dy carries the units of
 * x per unit y for ℓ (and dθ̂/dx those of y per unit x for σf, σn), so beyond this ratio those
 * sensitivities would overflow float64 (with a 1e30 margin for their dimensionless size).
 */
export const SCALE_RATIO_RANGE: readonly [number, number] = [2 ** -900, 2 ** 900];

const LARGEST_POWER_OF_TWO = 2 ** 1023;

/**
 * The power of two 2^k with 2^(k−1) < |value| ≤ 2^k (1 for 0), capped at 2^1023: above it 2^1024
 * overflows, and |value| / 2^1023 < 2 still keeps every square finite.
 */
export function powerOfTwoAbove(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude === 0) return 1;
  if (magnitude > LARGEST_POWER_OF_TWO) return LARGEST_POWER_OF_TWO;
  let power = 2 ** Math.ceil(Math.log2(magnitude));
  // log2 is not exact near powers of two (or for denormals); settle the boundary exactly.
  while (power < magnitude) power *= 2;
  while (power / 2 >= magnitude) power /= 2;
  return power;
}

/** Standard deviation of x and RMS of y. */
export function dataSpreads(data: Dataset): { xSpread: number; ySpread: number } {
  const n = data.x.length;
  let xLargest = 0;
  let yLargest = 0;
  for (let i = 0; i < n; i++) {
    xLargest = Math.max(xLargest, Math.abs(data.x[i]!));
    yLargest = Math.max(yLargest, Math.abs(data.y[i]!));
  }
  const xPrescale = powerOfTwoAbove(xLargest);
  const yPrescale = powerOfTwoAbove(yLargest);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += data.x[i]! / xPrescale;
  mean /= n;
  let deviations = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    deviations += (data.x[i]! / xPrescale - mean) ** 2;
    squares += (data.y[i]! / yPrescale) ** 2;
  }
  return {
    xSpread: xPrescale * Math.sqrt(deviations / n),
    ySpread: yPrescale * Math.sqrt(squares / n),
  };
}
