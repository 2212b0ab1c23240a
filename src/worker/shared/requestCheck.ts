/**
 * Checks the parts of an analysis request that the engine does not (the grid, the landscape
 * box, the sample count, the finite-difference index, a θ set by hand). Data x, y are checked by the engine's
 * `validateDataset`, which names the problem precisely.
 */
import { describeValue } from '../../engine/input-error';
import { KERNEL_NAMES, SELECTION_RULES } from '../../engine/types';
import type { AnalysisRequest } from './protocol';

/** Largest dense grid and sample count the worker computes, to bound memory per request. */
export const MAX_GRID_POINTS = 4096;
export const MAX_SAMPLES = 64;
export const MAX_LANDSCAPE_SIZE = 256;

/** A precise description of what is wrong with the request, or null when it is usable. */
export function requestProblem(request: AnalysisRequest): string | null {
  if (!KERNEL_NAMES.includes(request.kernel)) {
    return `unknown kernel ${describeValue(request.kernel)}; use one of ${KERNEL_NAMES.join(', ')}`;
  }
  for (const rule of [request.rule, request.compareRule]) {
    if (rule != null && !SELECTION_RULES.includes(rule)) {
      return `unknown rule ${describeValue(rule)}; use one of ${SELECTION_RULES.join(', ')}`;
    }
  }
  const { min, max, count } = request.grid;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) {
    return `the plot grid needs finite min < max, got [${min}, ${max}]`;
  }
  if (!Number.isInteger(count) || count < 2 || count > MAX_GRID_POINTS) {
    return `the plot grid needs an integer count in [2, ${MAX_GRID_POINTS}], got ${count}`;
  }
  if (!Number.isInteger(request.samples) || request.samples < 0 || request.samples > MAX_SAMPLES) {
    return `samples must be an integer in [0, ${MAX_SAMPLES}], got ${request.samples}`;
  }
  const index = request.finiteDifferenceIndex;
  if (index !== null && (!Number.isInteger(index) || index < 0 || index >= request.x.length)) {
    return `finite-difference index ${index} is not a point index (0 … ${request.x.length - 1})`;
  }
  const fixed = request.fixedTheta;
  if (fixed != null) {
    const values = [fixed.lengthscale, fixed.noiseRatio];
    if (!values.every((value) => Number.isFinite(value) && value > 0)) {
      return `a θ set by hand needs a finite, positive lengthscale and noise ratio, got (${values.join(', ')})`;
    }
  }
  const landscape = request.landscape;
  if (landscape !== null) {
    const ranges = [
      ['lengthscale', landscape.lengthscaleRange],
      ['noise-ratio', landscape.noiseRatioRange],
    ] as const;
    for (const [name, [low, high]] of ranges) {
      if (!(low > 0) || !(high > low) || !Number.isFinite(high)) {
        return `the landscape's ${name} range needs 0 < low < high < ∞, got [${low}, ${high}]`;
      }
    }
    const size = landscape.size;
    if (!Number.isInteger(size) || size < 2 || size > MAX_LANDSCAPE_SIZE) {
      return `the landscape size must be an integer in [2, ${MAX_LANDSCAPE_SIZE}], got ${size}`;
    }
  }
  return null;
}

/** `count` evenly spaced points on [min, max], both ends included. */
export function evenGrid(min: number, max: number, count: number): Float64Array {
  const step = (max - min) / (count - 1);
  return Float64Array.from({ length: count }, (_, i) => (i === count - 1 ? max : min + i * step));
}

/** `count` log-evenly spaced points on [low, high], both ends included. */
export function logGrid(low: number, high: number, count: number): Float64Array {
  const logLow = Math.log(low);
  const step = (Math.log(high) - logLow) / (count - 1);
  return Float64Array.from({ length: count }, (_, i) =>
    i === count - 1 ? high : Math.exp(logLow + i * step),
  );
}
