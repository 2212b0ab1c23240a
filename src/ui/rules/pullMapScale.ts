/**
 * The heat map's numbers and colours: the pull d log θ̂/dw of the shown hyperparameter at each
 * cell, a diverging colour scale symmetric about zero (blue: a new point there would lower θ̂,
 * red: raise it), and the cell nearest a place.
 */
import { interpolateRdBu } from 'd3';
import { HYPERPARAMETER_NAMES, type HyperparameterName } from '../../engine/types';
import type { DefinedPullMap } from '../../state/insight';

/**
 * The colour scale's half-range: the 95th percentile of |pull|, so that the few cells where a
 * point would sit on top of a data point (where the pull spikes) do not wash out the rest.
 */
export function pullRange(values: Float64Array): number {
  const sorted = Float64Array.from(values, Math.abs).filter(Number.isFinite).sort();
  const value = sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 0;
  return value > 0 ? value : 1;
}

/** The row of the shown hyperparameter (rows ℓ, σf, σn). */
export function pullValues(map: DefinedPullMap, hyperparameter: HyperparameterName): Float64Array {
  return map.dLogTheta_dw[HYPERPARAMETER_NAMES.indexOf(hyperparameter) as 0 | 1 | 2];
}

/** Colour of a pull against the half-range: red for raising θ̂, blue for lowering it. */
export function pullColour(value: number, range: number): string {
  const t = Math.max(-1, Math.min(1, value / range));
  // interpolateRdBu runs red (0) → blue (1); raising θ̂ is red.
  return interpolateRdBu(0.5 - t / 2);
}

/** The index (j·columns + i) of the cell whose centre is nearest (x, y). */
export function nearestCell(map: DefinedPullMap, x: number, y: number): number {
  const nearest = (axis: Float64Array, value: number) => {
    let best = 0;
    for (let k = 1; k < axis.length; k++) {
      if (Math.abs(axis[k]! - value) < Math.abs(axis[best]! - value)) best = k;
    }
    return best;
  };
  return nearest(map.ys, y) * map.xs.length + nearest(map.xs, x);
}
