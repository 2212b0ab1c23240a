/**
 * What kind of maximum a polish ended at, in the search box of search-region.ts (the
 * Karush–Kuhn–Tucker conditions of a box): the coordinates φ held on a face (the gradient pushing
 * outwards), and whether L restricted to the free coordinates has a strict maximum there — its
 * Hessian ZᵀHZ negative definite, Z the free axes of φ in log θ (SEARCH_AXES). H is the Hessian
 * of whichever rule's objective was polished (ml, map or loo); the classification is the same.
 *
 * Only one face is a boundary optimum with meaning: the noise floor, the least σn/σf at which
 * float64 keeps the sensitivities to about six digits (search-region.ts). There the implicit function theorem applies to the free parameters
 * with σn/σf held (sensitivity.ts). The other faces are arbitrary far limits — ℓ below every
 * spacing or beyond every span, σf vanishing or exploding — where the likelihood keeps rising
 * or is flat: an unbounded optimum, reported with its reason and no sensitivities.
 */
import type { PolishResult } from './newton';
import { inputSpacing, SEARCH_AXES, type SearchBox } from './search-region';
import { restrictedEigenvalues3 } from './small3';
import type { BoundaryFlag, LogTheta } from './types';

/** The search coordinate of log(σn/σf), held at a noise-floor maximum. */
export const NOISE_RATIO_AXIS = 2;

/**
 * Eigenvalues within this fraction of the largest are zero to working precision: H is built from
 * sums whose rounding is of that order, so their sign carries no information.
 */
export const NUMERICALLY_ZERO = 1e-12;

export interface MaximumKind {
  /** Search coordinates held on a face of the box. */
  held: number[];
  /** The free axes of φ, in log θ (the columns of Z). */
  freeAxes: LogTheta[];
  /** Converged, with ZᵀHZ negative definite to working precision. */
  strict: boolean;
  /** A strict maximum with nothing held but σn/σf at its floor. */
  onNoiseFloor: boolean;
}

/** Classifies a polish result (its evaluation must be of order 2). */
export function maximumKind(result: PolishResult): MaximumKind {
  const held = [0, 1, 2].filter((axis) => result.activeBounds[axis] !== 0);
  const freeAxes = SEARCH_AXES.filter((_, axis) => !held.includes(axis));
  const values = restrictedEigenvalues3(result.evaluation.hessian!, freeAxes);
  const largest = Math.max(0, ...values.map(Math.abs));
  const strict = result.converged && values.every((value) => value < -NUMERICALLY_ZERO * largest);
  const onNoiseFloor =
    strict &&
    held.length === 1 &&
    held[0] === NOISE_RATIO_AXIS &&
    result.activeBounds[NOISE_RATIO_AXIS] < 0;
  return { held, freeAxes, strict, onNoiseFloor };
}

/** How far out a non-strict optimum must be for its drift to be named. */
const DRIFT = { lengthscaleSpans: 20, lengthscaleGaps: 0.5, varianceRatio: 1e-6 };

/**
 * The edges θ̂ sits on: the faces of the search box it is held on (σf on its upper face, too), and
 * — when the polish did not end at a strict maximum — the direction in which the objective keeps
 * rising (ℓ far beyond the span or below the spacing of the inputs, one variance vanishing against
 * the other).
 */
export function boundaryFlags(
  result: PolishResult,
  kind: MaximumKind,
  x: Float64Array,
  bounds: SearchBox,
): BoundaryFlag[] {
  const active = result.activeBounds;
  const flags = new Set<BoundaryFlag>();
  if (active[0] < 0) flags.add('lengthscale-below-spacing');
  if (active[0] > 0) flags.add('lengthscale-beyond-span');
  if (active[1] < 0 || active[2] > 0) flags.add('signal-vanishing');
  // Held-out predictions can keep improving as σf and ℓ grow together (docs/rules.md, "LOO"): σf
  // at its upper face is a runaway whether or not the polish held it there.
  const signalAtTop = result.evaluation.logTheta[1] >= bounds.upper[1] - 1e-3;
  if (active[1] > 0 || signalAtTop) flags.add('signal-unbounded');
  if (active[2] < 0) flags.add('noise-vanishing');
  if (!kind.strict) {
    const [logLengthscale, logSignal, logNoise] = result.evaluation.logTheta;
    const { span, minGap } = inputSpacing(x);
    if (Math.exp(logLengthscale) > DRIFT.lengthscaleSpans * span)
      flags.add('lengthscale-beyond-span');
    if (Math.exp(logLengthscale) < DRIFT.lengthscaleGaps * minGap) {
      flags.add('lengthscale-below-spacing');
    }
    const logRatio = 2 * (logNoise - logSignal);
    // A noise ratio that vanishes because σf runs away is not a vanishing noise.
    if (logRatio < Math.log(DRIFT.varianceRatio) && !signalAtTop) flags.add('noise-vanishing');
    if (-logRatio < Math.log(DRIFT.varianceRatio)) flags.add('signal-vanishing');
  }
  return [...flags];
}
