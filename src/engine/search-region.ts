/**
 * The region the fit searches, in internal units (x and y divided by powers of two near their
 * spreads; standardize.ts) and in the search coordinates
 *
 *   φ = (log ℓ, log σf, log(σn/σf)) = (log ℓ, log σf, ½ log g),   g = σn²/σf²,
 *
 * in which every limit is a face of a box (docs/numerics.md):
 *
 * - ℓ from 1% of the smallest positive spacing of the inputs (below it every correlation is zero
 *   to working precision and the likelihood is flat) to 1000 spans (beyond it R is the all-ones
 *   matrix to working precision);
 * - σf from 1e-4 to 1e4 times the RMS of y;
 * - the noise ratio g from the noise floor (below) to 1e12.
 *
 * **The noise floor** g ≥ g_floor = NOISE_FLOOR_PER_POINT · n · u (u = 2⁻⁵³, the unit roundoff)
 * is the jitter policy: the smallest noise ratio at which the sensitivities keep about six correct
 * digits in float64. With K = σf²(R + gI) and R a correlation matrix (unit diagonal, so
 * ‖R‖ ≤ n), κ(K) ≤ (n + g)/g ≈ n/g whatever the kernel and lengthscale; α = K⁻¹y, P = K⁻¹ and
 * everything built from them — the mixed partials ∂g/∂(data), and through the Hessian the
 * sensitivities — carry relative errors of about 2u·κ(K) (roundoff.ts). Holding that at
 * SENSITIVITY_TARGET = 1e-6 gives g_floor = 2u·n/1e-6 = 2e6·n·u: σn/σf ≥ 6.7e-5 for 20 points,
 * 1.5e-4 for 100, 2.6e-4 for 300 (docs/numerics.md, "The noise floor"). Float64 Cholesky itself
 * would allow g down to about 10·n·u (the smallest pivots of R + gI are g plus a rounding of about
 * n·u), but between the two the sensitivities lose their digits (measured: 0–3 correct digits at
 * 10·n·u with n = 100–300). The floor is scale-free (it bounds σn/σf, not σn), so the fit stays
 * exactly equivariant under rescaling of x and y.
 */
import { UNIT_ROUNDOFF } from './roundoff';
import type { LogTheta } from './types';

/** Box on the search coordinates φ = (log ℓ, log σf, log(σn/σf)). */
export interface SearchBox {
  lower: LogTheta;
  upper: LogTheta;
}

/** The relative rounding error of the sensitivities the noise floor is chosen to allow. */
export const SENSITIVITY_TARGET = 1e-6;

/** g_floor / (n·u) = 2 / SENSITIVITY_TARGET: the sensitivities' 2u·κ(K) ≤ 2u·n/g at the target. */
export const NOISE_FLOOR_PER_POINT = 2 / SENSITIVITY_TARGET;

/** The largest noise ratio σn²/σf² searched: noise 10⁶ times the signal. */
export const NOISE_RATIO_CEILING = 1e12;

/** σf's range, in units of the RMS of y. */
export const SIGNAL_STD_RANGE: readonly [number, number] = [1e-4, 1e4];

/** ℓ's range: [LOWER · smallest spacing, UPPER · span]. */
export const LENGTHSCALE_RANGE = { belowSmallestGap: 0.01, beyondSpan: 1000 } as const;

/** The smallest noise ratio σn²/σf² the fit allows for n points: 2e6·n·u. */
export function noiseRatioFloor(n: number): number {
  return NOISE_FLOOR_PER_POINT * n * UNIT_ROUNDOFF;
}

/** How the inputs are spread: their span, mean spacing and smallest and largest positive gaps. */
export interface InputSpacing {
  span: number;
  meanGap: number;
  /**
   * The smallest distance between two distinct inputs, but at least SMALLEST_GAP_OF_SPAN · span:
   * closer inputs count as that close. Below it (r/ℓ)² on the search grid nears overflow (the
   * Matérn spectra stopped converging from gaps of 1e-155 of the span), and at such lengthscales
   * every correlation between the other inputs is zero anyway.
   */
  minGap: number;
  /** The largest distance between neighbouring distinct inputs. */
  maxGap: number;
  /** The distances between neighbouring distinct inputs, ascending. */
  gaps: Float64Array;
}

/** The fraction of the span below which a gap counts as that fraction (InputSpacing.minGap). */
export const SMALLEST_GAP_OF_SPAN = 1e-100;

/** The spacing of x (any order, duplicates allowed; at least two distinct values). */
export function inputSpacing(x: Float64Array): InputSpacing {
  const sorted = Float64Array.from(x).sort();
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap > 0) gaps.push(gap);
  }
  const span = sorted[sorted.length - 1]! - sorted[0]!;
  const ascending = Float64Array.from(gaps).sort();
  return {
    span,
    meanGap: span / Math.max(1, x.length - 1),
    minGap: Math.max(ascending[0] ?? span, SMALLEST_GAP_OF_SPAN * span),
    maxGap: ascending[ascending.length - 1] ?? span,
    gaps: ascending,
  };
}

/**
 * The search box for inputs x (internal units) in the coordinates φ; `yRms` is the RMS of y in
 * the same units.
 */
export function searchBounds(x: Float64Array, yRms = 1): SearchBox {
  const { span, minGap } = inputSpacing(x);
  const floor = noiseRatioFloor(x.length);
  return {
    lower: [
      Math.log(LENGTHSCALE_RANGE.belowSmallestGap * minGap),
      Math.log(SIGNAL_STD_RANGE[0] * yRms),
      0.5 * Math.log(floor),
    ],
    upper: [
      Math.log(LENGTHSCALE_RANGE.beyondSpan * span),
      Math.log(SIGNAL_STD_RANGE[1] * yRms),
      0.5 * Math.log(NOISE_RATIO_CEILING),
    ],
  };
}

/** φ from log θ = (log ℓ, log σf, log σn). */
export function toSearchCoordinates(logTheta: LogTheta): LogTheta {
  return [logTheta[0], logTheta[1], logTheta[2] - logTheta[1]];
}

/** log θ from φ. */
export function fromSearchCoordinates(phi: LogTheta): LogTheta {
  return [phi[0], phi[1], phi[2] + phi[1]];
}

/**
 * The columns of ∂ log θ/∂φ: moving φ₁ moves log ℓ; moving φ₂ moves log σf and log σn together
 * (the ratio held); moving φ₃ moves log σn alone.
 */
export const SEARCH_AXES: readonly LogTheta[] = [
  [1, 0, 0],
  [0, 1, 1],
  [0, 0, 1],
];
